/**
 * Checks that (), [] and {} are correctly paired and nested in a text.
 *
 * @param {string} text any text; characters other than brackets are ignored
 * @returns {boolean} true when every bracket is closed in the right order
 */
export function isBalanced(text) {
  throw new Error('Remove this line and implement the function');
}
