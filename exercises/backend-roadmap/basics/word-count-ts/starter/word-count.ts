/** Counts how many times each word appears in a text (case-insensitive). */
export function wordCount(text: string): Record<string, number> {
  throw new Error('Remove this line and implement the function');
}
