export class Router {
  /**
   * Registers a route.
   * @param {string} method e.g. 'GET'
   * @param {string} pattern e.g. '/users/:id'
   * @param {Function} handler
   * @returns {Router} this router, for chaining
   */
  add(method, pattern, handler) {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * @param {string} method
   * @param {string} path may contain a query string, which is ignored
   * @returns {{ handler: Function, params: Record<string, string> } | null}
   */
  match(method, path) {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * @param {string} path
   * @returns {string[]} upper-cased methods whose pattern matches the path, sorted
   */
  allowedMethods(path) {
    throw new Error('Remove this line and implement the function');
  }
}
