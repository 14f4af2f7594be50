// Mistake: only counts brackets of each kind, so the order is never checked.
export function isBalanced(text) {
  let round = 0;
  let square = 0;
  let curly = 0;
  for (const char of text) {
    if (char === '(') round++;
    if (char === ')') round--;
    if (char === '[') square++;
    if (char === ']') square--;
    if (char === '{') curly++;
    if (char === '}') curly--;
  }
  return round === 0 && square === 0 && curly === 0;
}
