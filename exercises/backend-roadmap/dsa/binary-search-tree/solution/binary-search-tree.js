/**
 * @typedef {{ value: number, left: TreeNode | null, right: TreeNode | null }} TreeNode
 */

/** A binary search tree of numbers (no duplicates). */
export class BinarySearchTree {
  constructor() {
    /** @type {TreeNode | null} */
    this.root = null;
    this.size = 0;
  }

  /** Adds a value (ignored if already present). @returns {BinarySearchTree} this tree */
  insert(value) {
    const node = { value, left: null, right: null };
    if (this.root === null) {
      this.root = node;
      this.size = 1;
      return this;
    }
    let current = this.root;
    for (;;) {
      if (value === current.value) return this;
      const side = value < current.value ? 'left' : 'right';
      if (current[side] === null) {
        current[side] = node;
        this.size += 1;
        return this;
      }
      current = current[side];
    }
  }

  /** @returns {boolean} whether the value is in the tree */
  has(value) {
    let current = this.root;
    while (current !== null) {
      if (value === current.value) return true;
      current = value < current.value ? current.left : current.right;
    }
    return false;
  }

  /** @returns {number | undefined} the smallest value */
  min() {
    let current = this.root;
    if (current === null) return undefined;
    while (current.left !== null) current = current.left;
    return current.value;
  }

  /** @returns {number | undefined} the largest value */
  max() {
    let current = this.root;
    if (current === null) return undefined;
    while (current.right !== null) current = current.right;
    return current.value;
  }

  /** @returns {number[]} all values in ascending order */
  inOrder() {
    const values = [];
    const stack = [];
    let current = this.root;
    while (current !== null || stack.length > 0) {
      while (current !== null) {
        stack.push(current);
        current = current.left;
      }
      current = stack.pop();
      values.push(current.value);
      current = current.right;
    }
    return values;
  }

  /** @returns {number} nodes on the longest root-to-leaf path (0 when empty) */
  height() {
    let best = 0;
    const stack = this.root === null ? [] : [[this.root, 1]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop();
      if (depth > best) best = depth;
      if (node.left !== null) stack.push([node.left, depth + 1]);
      if (node.right !== null) stack.push([node.right, depth + 1]);
    }
    return best;
  }
}
