// Mistake: height counts edges instead of nodes (a single node gives 0), and min/max of an
// empty tree crash instead of returning undefined.
export class BinarySearchTree {
  constructor() {
    this.root = null;
    this.size = 0;
  }

  insert(value) {
    const insertAt = (node) => {
      if (node === null) {
        this.size++;
        return { value, left: null, right: null };
      }
      if (value < node.value) node.left = insertAt(node.left);
      else if (value > node.value) node.right = insertAt(node.right);
      return node;
    };
    this.root = insertAt(this.root);
    return this;
  }

  has(value) {
    let current = this.root;
    while (current) {
      if (value === current.value) return true;
      current = value < current.value ? current.left : current.right;
    }
    return false;
  }

  min() {
    let current = this.root;
    while (current.left) current = current.left;
    return current.value;
  }

  max() {
    let current = this.root;
    while (current.right) current = current.right;
    return current.value;
  }

  inOrder() {
    const values = [];
    const walk = (node) => {
      if (!node) return;
      walk(node.left);
      values.push(node.value);
      walk(node.right);
    };
    walk(this.root);
    return values;
  }

  height() {
    const edges = (node) => (node === null ? -1 : 1 + Math.max(edges(node.left), edges(node.right)));
    return Math.max(edges(this.root), 0);
  }
}
