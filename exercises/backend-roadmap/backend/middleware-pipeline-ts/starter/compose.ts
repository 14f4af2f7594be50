export type Next = () => Promise<void>;
export type Middleware<Ctx> = (ctx: Ctx, next: Next) => unknown;

/** Composes middleware into one function, Koa style. Throws a TypeError for a non-array or a non-function element. */
export function compose<Ctx>(middlewares: Middleware<Ctx>[]): (ctx: Ctx, final?: (ctx: Ctx) => unknown) => Promise<void> {
  throw new Error('Remove this line and implement the function');
}
