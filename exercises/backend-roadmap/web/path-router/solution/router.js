function segments(path) {
  const q = path.indexOf('?');
  const clean = q === -1 ? path : path.slice(0, q);
  return clean.split('/').filter((s) => s !== '');
}

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function matchPattern(patternSegments, pathSegments) {
  if (patternSegments.length !== pathSegments.length) return null;
  const params = {};
  for (let i = 0; i < patternSegments.length; i++) {
    const p = patternSegments[i];
    const s = pathSegments[i];
    if (p.startsWith(':')) params[p.slice(1)] = decode(s);
    else if (p !== s) return null;
  }
  return params;
}

export class Router {
  #routes = [];

  /**
   * Registers a route.
   * @param {string} method e.g. 'GET'
   * @param {string} pattern e.g. '/users/:id'
   * @param {Function} handler
   * @returns {Router} this router, for chaining
   */
  add(method, pattern, handler) {
    this.#routes.push({ method: method.toUpperCase(), segments: segments(pattern), handler });
    return this;
  }

  /**
   * @param {string} method
   * @param {string} path may contain a query string, which is ignored
   * @returns {{ handler: Function, params: Record<string, string> } | null}
   */
  match(method, path) {
    const wanted = method.toUpperCase();
    const parts = segments(path);
    for (const route of this.#routes) {
      if (route.method !== wanted) continue;
      const params = matchPattern(route.segments, parts);
      if (params) return { handler: route.handler, params };
    }
    return null;
  }

  /**
   * @param {string} path
   * @returns {string[]} upper-cased methods whose pattern matches the path, sorted
   */
  allowedMethods(path) {
    const parts = segments(path);
    const methods = new Set();
    for (const route of this.#routes) if (matchPattern(route.segments, parts)) methods.add(route.method);
    return [...methods].sort();
  }
}
