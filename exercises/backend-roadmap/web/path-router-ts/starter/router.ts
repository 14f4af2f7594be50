export type Params = Record<string, string>;

export interface Match<H> {
  handler: H;
  params: Params;
}

export class Router<H = unknown> {
  /** Registers a route and returns this router, for chaining. */
  add(method: string, pattern: string, handler: H): this {
    throw new Error('Remove this line and implement the function');
  }

  /** The first matching route (in the order added), or null. The query string is ignored. */
  match(method: string, path: string): Match<H> | null {
    throw new Error('Remove this line and implement the function');
  }

  /** Upper-cased methods of all routes whose pattern matches the path, sorted, without duplicates. */
  allowedMethods(path: string): string[] {
    throw new Error('Remove this line and implement the function');
  }
}
