export type Params = Record<string, string>;

export interface Match<H> {
  handler: H;
  params: Params;
}

interface Route<H> {
  method: string;
  segments: string[];
  handler: H;
}

function segments(path: string): string[] {
  const q = path.indexOf('?');
  const clean = q === -1 ? path : path.slice(0, q);
  return clean.split('/').filter((s) => s !== '');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function matchPattern(patternSegments: string[], pathSegments: string[]): Params | null {
  if (patternSegments.length !== pathSegments.length) return null;
  const params: Params = {};
  for (let i = 0; i < patternSegments.length; i++) {
    const p = patternSegments[i];
    const s = pathSegments[i];
    if (p.startsWith(':')) params[p.slice(1)] = decode(s);
    else if (p !== s) return null;
  }
  return params;
}

export class Router<H = unknown> {
  private routes: Route<H>[] = [];

  /** Registers a route and returns this router, for chaining. */
  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method: method.toUpperCase(), segments: segments(pattern), handler });
    return this;
  }

  /** The first matching route (in the order added), or null. The query string is ignored. */
  match(method: string, path: string): Match<H> | null {
    const wanted = method.toUpperCase();
    const parts = segments(path);
    for (const route of this.routes) {
      if (route.method !== wanted) continue;
      const params = matchPattern(route.segments, parts);
      if (params) return { handler: route.handler, params };
    }
    return null;
  }

  /** Upper-cased methods of all routes whose pattern matches the path, sorted, without duplicates. */
  allowedMethods(path: string): string[] {
    const parts = segments(path);
    const methods = new Set<string>();
    for (const route of this.routes) if (matchPattern(route.segments, parts)) methods.add(route.method);
    return [...methods].sort();
  }
}
