/**
 * Turns a title into a URL slug: lower-case a-z and 0-9 words joined by single hyphens.
 *
 * @param {string} title any text
 * @returns {string} the slug ('' when nothing is left)
 */
export function slugify(title) {
  throw new Error('Remove this line and implement the function');
}
