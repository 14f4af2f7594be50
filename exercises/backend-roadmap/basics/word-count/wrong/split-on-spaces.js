// Mistake: splits on spaces only, so 'olly,' and 'olly' are different words.
export function wordCount(text) {
  const counts = {};
  for (const word of text.toLowerCase().split(' ')) {
    if (word === '') continue;
    counts[word] = (counts[word] || 0) + 1;
  }
  return counts;
}
