// Mistake: only replaces spaces, so punctuation stays and runs of spaces give double hyphens.
export function slugify(title) {
  return title.trim().toLowerCase().split(' ').join('-');
}
