// Mistake: forgets accents and leaves hyphens at both ends.
export function slugify(title) {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
