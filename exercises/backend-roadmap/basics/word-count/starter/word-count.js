/**
 * Counts how many times each word appears in a text (case-insensitive).
 *
 * @param {string} text any text
 * @returns {Record<string, number>} word (lower case) -> count
 */
export function wordCount(text) {
  throw new Error('Remove this line and implement the function');
}
