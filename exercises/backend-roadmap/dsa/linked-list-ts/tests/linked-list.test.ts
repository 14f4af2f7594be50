import { describe, expect, test } from '@jest/globals';
import { LinkedList } from './linked-list';
import type { ListNode } from './linked-list';

describe('LinkedList', () => {
  test('a new list is empty', () => {
    const list = new LinkedList<any>();
    expect(list.head).toBeNull();
    expect(list.size).toBe(0);
    expect(list.toArray()).toEqual([]);
  });

  test('push adds values at the end and returns the size', () => {
    const list = new LinkedList<string>();
    expect(list.push('a')).toBe(1);
    expect(list.push('b')).toBe(2);
    expect(list.toArray()).toEqual(['a', 'b']);
  });

  test('values live in linked nodes', () => {
    const list = new LinkedList<any>();
    list.push(1);
    list.push(2);
    expect(list.head?.value).toBe(1);
    expect(list.head?.next?.value).toBe(2);
    expect(list.head?.next?.next).toBeNull();
  });

  test('unshift adds values at the start', () => {
    const list = new LinkedList<any>();
    list.push('b');
    expect(list.unshift('a')).toBe(2);
    expect(list.toArray()).toEqual(['a', 'b']);
  });

  test('shift removes and returns the first value', () => {
    const list = new LinkedList<any>();
    list.push('a');
    list.push('b');
    expect(list.shift()).toBe('a');
    expect(list.size).toBe(1);
    expect(list.toArray()).toEqual(['b']);
  });

  test('reverse reverses the list in place', () => {
    const list = new LinkedList<any>();
    [1, 2, 3].forEach((n) => list.push(n));
    expect(list.reverse()).toBe(list);
    expect(list.toArray()).toEqual([3, 2, 1]);
    const head: ListNode<number> | null = list.head;
    expect(head?.value).toBe(3);
  });
});
