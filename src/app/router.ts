import { useCallback, useSyncExternalStore } from 'react';

export const ROUTES = ['encrypt', 'decrypt', 'history', 'audit'] as const;
export type Route = (typeof ROUTES)[number];

/**
 * `#/decrypt` → 'decrypt'; anything else is the encrypt page. Reload keeps the page. A query
 * after the name (`#/encrypt?key=…`) is the page's to read.
 */
export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'encrypt';
}

export function hrefFor(route: Route): string {
  return `#/${route}`;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** A hash router: no server routes needed, no dependency, back/forward work. */
export function useRoute(): [Route, (route: Route) => void] {
  const route = useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
  const navigate = useCallback((next: Route) => {
    window.location.hash = hrefFor(next);
  }, []);
  return [route, navigate];
}
