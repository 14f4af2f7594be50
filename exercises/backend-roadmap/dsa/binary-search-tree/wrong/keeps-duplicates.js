// Mistake: sends equal values to the right instead of ignoring them, so duplicates are stored.
export class BinarySearchTree {
  constructor() {
    this.root = null;
    this.size = 0;
  }

  insert(value) {
    const node = { value, left: null, right: null };
    this.size++;
    if (!this.root) {
      this.root = node;
      return this;
    }
    let current = this.root;
    for (;;) {
      const side = value < current.value ? 'left' : 'right';
      if (!current[side]) {
        current[side] = node;
        return this;
      }
      current = current[side];
    }
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
    while (current && current.left) current = current.left;
    return current ? current.value : undefined;
  }

  max() {
    let current = this.root;
    while (current && current.right) current = current.right;
    return current ? current.value : undefined;
  }

  inOrder() {
    const values = [];
    const stack = [];
    let current = this.root;
    while (current || stack.length) {
      while (current) {
        stack.push(current);
        current = current.left;
      }
      current = stack.pop();
      values.push(current.value);
      current = current.right;
    }
    return values;
  }

  height() {
    let best = 0;
    const stack = this.root ? [[this.root, 1]] : [];
    while (stack.length) {
      const [node, depth] = stack.pop();
      best = Math.max(best, depth);
      if (node.left) stack.push([node.left, depth + 1]);
      if (node.right) stack.push([node.right, depth + 1]);
    }
    return best;
  }
}
