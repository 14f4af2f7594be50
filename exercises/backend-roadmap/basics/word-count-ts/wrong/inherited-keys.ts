// Mistake: the type says every key is a number, but `{}` inherits `constructor` and `toString`,
// so `counts[word] || 0` reads a function for those words.
export function wordCount(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const words = text.toLowerCase().match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) || [];
  for (const word of words) {
    counts[word] = (counts[word] || 0) + 1;
  }
  return counts;
}
