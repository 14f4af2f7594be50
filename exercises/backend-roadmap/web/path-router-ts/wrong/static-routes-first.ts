// @ts-nocheck -- a known-wrong solution kept for the pack tests
// Plausible mistake: "smart" ordering that prefers static routes over parameter routes,
// ignoring the documented first-added-wins rule; also no decoding fallback.
export class Router {
  constructor() { this.routes = []; }
  add(method, pattern, handler) {
    this.routes.push({ method: method.toUpperCase(), parts: pattern.split('/').filter(Boolean), handler });
    this.routes.sort((a, b) => a.parts.filter((p) => p.startsWith(':')).length - b.parts.filter((p) => p.startsWith(':')).length);
    return this;
  }
  #try(route, path) {
    const parts = path.split('?')[0].split('/').filter(Boolean);
    if (parts.length !== route.parts.length) return null;
    const params = {};
    for (let i = 0; i < parts.length; i++) {
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
