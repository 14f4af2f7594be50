import { describe, expect, test } from '@jest/globals';
import { BinarySearchTree } from './binary-search-tree';

function sampleTree() {
  return new BinarySearchTree().insert(8).insert(3).insert(10).insert(1).insert(6);
}

describe('BinarySearchTree', () => {
  test('a new tree is empty', () => {
    const tree = new BinarySearchTree();
    expect(tree.root).toBeNull();
    expect(tree.size).toBe(0);
    expect(tree.inOrder()).toEqual([]);
  });

  test('smaller values go left, larger values go right', () => {
    const tree = sampleTree();
    expect(tree.root.value).toBe(8);
    expect(tree.root.left.value).toBe(3);
    expect(tree.root.right.value).toBe(10);
    expect(tree.root.left.left.value).toBe(1);
    expect(tree.root.left.right.value).toBe(6);
  });

  test('has finds values that were inserted', () => {
    const tree = sampleTree();
    expect(tree.has(6)).toBe(true);
    expect(tree.has(7)).toBe(false);
  });

  test('min and max', () => {
    const tree = sampleTree();
    expect(tree.min()).toBe(1);
    expect(tree.max()).toBe(10);
  });

  test('inOrder returns the values sorted', () => {
    expect(sampleTree().inOrder()).toEqual([1, 3, 6, 8, 10]);
  });

  test('height and size', () => {
    const tree = sampleTree();
    expect(tree.height()).toBe(3);
    expect(tree.size).toBe(5);
  });
});
