import { describe, expect, test } from '@jest/globals';
import { LinkedList } from './linked-list';

// The README asks for a `tail` reference (push in O(1)); it may be private, so tests read it without the type.
const tailOf = <T>(list: LinkedList<T>) => (list as unknown as { tail: { value: T } | null }).tail;

describe('LinkedList (hidden)', () => {
  test('shift on an empty list returns undefined and keeps size 0', () => {
    const list = new LinkedList<any>();
    expect(list.shift()).toBeUndefined();
    expect(list.size).toBe(0);
  });

  test('push works after shift has emptied the list', () => {
    const list = new LinkedList<any>();
    list.push('a');
    list.shift();
    list.push('b');
    list.push('c');
    expect(list.toArray()).toEqual(['b', 'c']);
    expect(list.head?.value).toBe('b');
  });

  test('unshift into an empty list sets the tail too, so push appends after it', () => {
    const list = new LinkedList<number>();
    list.unshift(1);
    expect(tailOf(list)?.value).toBe(1);
    list.push(2);
    expect(list.toArray()).toEqual([1, 2]);
    // unshift onto a non-empty list leaves the tail where it was.
    list.unshift(0);
    list.push(3);
    expect(list.toArray()).toEqual([0, 1, 2, 3]);
    expect(tailOf(list)?.value).toBe(3);
  });

  test('shift of one value from a longer list keeps the tail', () => {
    const list = new LinkedList<number>();
    [1, 2, 3].forEach((n) => list.push(n));
    list.shift();
    expect(tailOf(list)?.value).toBe(3);
    list.push(4);
    expect(list.toArray()).toEqual([2, 3, 4]);
  });

  test('push works after reverse', () => {
    const list = new LinkedList<any>();
    [1, 2, 3].forEach((n) => list.push(n));
    list.reverse();
    list.push(0);
    list.unshift(4);
    expect(list.toArray()).toEqual([4, 3, 2, 1, 0]);
    expect(list.size).toBe(5);
  });

  test('reverse of empty and single lists', () => {
    const empty = new LinkedList<any>();
    expect(empty.reverse().toArray()).toEqual([]);
    const one = new LinkedList<any>();
    one.push('x');
    one.reverse();
    one.push('y');
    expect(one.toArray()).toEqual(['x', 'y']);
  });

  test('reverse re-links the existing nodes', () => {
    const list = new LinkedList<any>();
    ['a', 'b', 'c'].forEach((v) => list.push(v));
    const first = list.head;
    const last = list.head?.next?.next;
    list.reverse();
    expect(list.head).toBe(last);
    expect(first?.next).toBeNull();
  });

  test('falsy values are stored like any other', () => {
    const list = new LinkedList<any>();
    list.push(0);
    list.push('');
    list.unshift(null);
    expect(list.toArray()).toEqual([null, 0, '']);
    expect(list.shift()).toBeNull();
    expect(list.shift()).toBe(0);
  });

  test('handles 50 000 values (push is O(1))', () => {
    const list = new LinkedList<any>();
    for (let i = 0; i < 50000; i++) list.push(i);
    expect(list.size).toBe(50000);
    let node = list.head!;
    let steps = 0;
    while (node.next !== null) {
      node = node.next!;
      steps++;
    }
    expect(steps).toBe(49999);
    expect(node.value).toBe(49999);
    list.reverse();
    expect(list.shift()).toBe(49999);
    expect(list.toArray()[0]).toBe(49998);
  });
});
