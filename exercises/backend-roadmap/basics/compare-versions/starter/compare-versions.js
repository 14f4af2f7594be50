/**
 * Compares two version strings such as '1.10.0'.
 *
 * @param {string} a a version: whole numbers separated by dots
 * @param {string} b another version
 * @returns {-1 | 0 | 1} -1 when a is older than b, 0 when they are the same version, 1 when a is newer
 */
export function compareVersions(a, b) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Tells whether a version is the same as or newer than a minimum version.
 *
 * @param {string} version the version you have
 * @param {string} minimum the oldest version that is acceptable
 * @returns {boolean}
 */
export function isAtLeast(version, minimum) {
  throw new Error('Remove this line and implement the function');
}
