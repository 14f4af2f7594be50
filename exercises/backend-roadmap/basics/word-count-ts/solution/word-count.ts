/** Counts how many times each word appears in a text (case-insensitive). */
export function wordCount(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const words: string[] = text.toLowerCase().match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) ?? [];
  for (const word of words) {
    counts[word] = Object.hasOwn(counts, word) ? counts[word] + 1 : 1;
  }
  return counts;
}
