// Mistake: checks every closing bracket but forgets that openers may be left on the stack.
const OPENER_OF = { ')': '(', ']': '[', '}': '{' };

export function isBalanced(text) {
  const stack = [];
  for (const char of text) {
    if ('([{'.includes(char)) stack.push(char);
    else if (')]}'.includes(char) && stack.pop() !== OPENER_OF[char]) return false;
  }
  return true;
}
