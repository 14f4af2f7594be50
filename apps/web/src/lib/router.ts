// A small history-API router: a store holding the current path, `navigate()`, and route matching.
import { createStore } from './store';

export const location = createStore<string>(window.location.pathname + window.location.search);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.get()) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  location.set(to);
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => location.set(window.location.pathname + window.location.search));

/** Match `/courses/:slug` against a path; returns the decoded params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const pathname = path.split('?')[0].replace(/\/+$/, '') || '/';
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

export function queryParam(path: string, name: string): string | null {
  const query = path.split('?')[1];
  return query ? new URLSearchParams(query).get(name) : null;
}

/** Click handler for in-app links: plain left clicks navigate without a reload. */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const href = anchor.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
  event.preventDefault();
  navigate(href);
}
