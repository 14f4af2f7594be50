// Mistake: `counts[word] || 0` reads inherited keys such as `constructor` from Object.prototype.
export function wordCount(text) {
  const counts = {};
  const words = text.toLowerCase().match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) || [];
  for (const word of words) {
    counts[word] = (counts[word] || 0) + 1;
  }
  return counts;
}
