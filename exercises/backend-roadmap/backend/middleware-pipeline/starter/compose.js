/**
 * @typedef {(ctx: any, next: () => Promise<void>) => unknown} Middleware
 */

/**
 * Composes middleware into one function, Koa style.
 *
 * @param {Middleware[]} middlewares
 * @returns {(ctx: any, final?: (ctx: any) => unknown) => Promise<void>}
 * @throws {TypeError} when middlewares is not an array of functions
 */
export function compose(middlewares) {
  throw new Error('Remove this line and implement the function');
}
