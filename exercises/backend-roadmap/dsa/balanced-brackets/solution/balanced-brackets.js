const OPENER_OF = { ')': '(', ']': '[', '}': '{' };

/**
 * Checks that (), [] and {} are correctly paired and nested in a text.
 *
 * @param {string} text any text; characters other than brackets are ignored
 * @returns {boolean} true when every bracket is closed in the right order
 */
export function isBalanced(text) {
  const stack = [];
  for (const char of text) {
    if (char === '(' || char === '[' || char === '{') {
      stack.push(char);
    } else if (char === ')' || char === ']' || char === '}') {
      if (stack.pop() !== OPENER_OF[char]) return false;
    }
  }
  return stack.length === 0;
}
