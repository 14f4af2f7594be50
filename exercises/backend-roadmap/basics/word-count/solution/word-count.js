/**
 * Counts how many times each word appears in a text (case-insensitive).
 *
 * @param {string} text any text
 * @returns {Record<string, number>} word (lower case) -> count
 */
export function wordCount(text) {
  const counts = {};
  const words = text.toLowerCase().match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) ?? [];
  for (const word of words) {
    counts[word] = Object.hasOwn(counts, word) ? counts[word] + 1 : 1;
  }
  return counts;
}
