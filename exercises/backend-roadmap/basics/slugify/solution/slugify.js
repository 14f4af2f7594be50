/**
 * Turns a title into a URL slug: lower-case a-z and 0-9 words joined by single hyphens.
 *
 * @param {string} title any text
 * @returns {string} the slug ('' when nothing is left)
 */
export function slugify(title) {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
