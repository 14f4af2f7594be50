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
    throw new Error('Remove this line and implement insert');
  }

  /** @returns {boolean} whether the value is in the tree */
  has(value) {
    throw new Error('Remove this line and implement has');
  }

  /** @returns {number | undefined} the smallest value */
  min() {
    throw new Error('Remove this line and implement min');
  }

  /** @returns {number | undefined} the largest value */
  max() {
    throw new Error('Remove this line and implement max');
  }

  /** @returns {number[]} all values in ascending order */
  inOrder() {
    throw new Error('Remove this line and implement inOrder');
  }

  /** @returns {number} nodes on the longest root-to-leaf path (0 when empty) */
  height() {
    throw new Error('Remove this line and implement height');
  }
}
