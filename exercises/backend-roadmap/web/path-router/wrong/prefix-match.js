// Plausible mistake: checks the pattern segments only, so longer paths match too
// ("/users/1/posts" matches "/users/:id"), and the query string is not stripped.
export class Router {
  constructor() { this.routes = []; }
  add(method, pattern, handler) {
    this.routes.push({ method: method.toUpperCase(), parts: pattern.split('/').filter(Boolean), handler });
    return this;
  }
  #try(route, path) {
    const parts = path.split('/').filter(Boolean);
    if (parts.length < route.parts.length) return null;
    const params = {};
    for (let i = 0; i < route.parts.length; i++) {
      if (route.parts[i].startsWith(':')) params[route.parts[i].slice(1)] = decodeURIComponent(parts[i]);
      else if (route.parts[i] !== parts[i]) return null;
    }
    return params;
  }
  match(method, path) {
    for (const r of this.routes) {
      if (r.method !== method.toUpperCase()) continue;
      const params = this.#try(r, path);
      if (params) return { handler: r.handler, params };
    }
    return null;
  }
  allowedMethods(path) {
    return [...new Set(this.routes.filter((r) => this.#try(r, path)).map((r) => r.method))].sort();
  }
}
