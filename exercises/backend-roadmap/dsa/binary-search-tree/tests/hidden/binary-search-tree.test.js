import { describe, expect, test } from '@jest/globals';
import { BinarySearchTree } from './binary-search-tree';

describe('BinarySearchTree (hidden)', () => {
  test('an empty tree', () => {
    const tree = new BinarySearchTree();
    expect(tree.has(1)).toBe(false);
    expect(tree.min()).toBeUndefined();
    expect(tree.max()).toBeUndefined();
    expect(tree.height()).toBe(0);
  });

  test('a single node has height 1', () => {
    const tree = new BinarySearchTree().insert(42);
    expect(tree.height()).toBe(1);
    expect(tree.min()).toBe(42);
    expect(tree.max()).toBe(42);
    expect(tree.root).toEqual({ value: 42, left: null, right: null });
  });

  test('duplicates are ignored', () => {
    const tree = new BinarySearchTree();
    [5, 3, 5, 8, 3, 5].forEach((v) => tree.insert(v));
    expect(tree.size).toBe(3);
    expect(tree.inOrder()).toEqual([3, 5, 8]);
  });

  test('negative numbers and zero', () => {
    const tree = new BinarySearchTree();
    [0, -5, 5, -10, -1].forEach((v) => tree.insert(v));
    expect(tree.has(0)).toBe(true);
    expect(tree.has(-1)).toBe(true);
    expect(tree.has(1)).toBe(false);
    expect(tree.min()).toBe(-10);
    expect(tree.inOrder()).toEqual([-10, -5, -1, 0, 5]);
    expect(tree.root.left.right.value).toBe(-1);
  });

  test('a balanced insertion order gives a short tree', () => {
    const tree = new BinarySearchTree();
    [8, 4, 12, 2, 6, 10, 14, 1, 3, 5, 7, 9, 11, 13, 15].forEach((v) => tree.insert(v));
    expect(tree.height()).toBe(4);
    expect(tree.inOrder()).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  test('sorted insertions make one long branch', () => {
    const tree = new BinarySearchTree();
    for (let i = 1; i <= 3000; i++) tree.insert(i);
    expect(tree.size).toBe(3000);
    expect(tree.height()).toBe(3000);
    expect(tree.root.left).toBeNull();
    expect(tree.max()).toBe(3000);
    expect(tree.has(2999)).toBe(true);
    expect(tree.has(3001)).toBe(false);
    const values = tree.inOrder();
    expect(values).toHaveLength(3000);
    expect(values[2999]).toBe(3000);
  });
});
