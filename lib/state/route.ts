import { signal, type ReadonlySignal } from '@preact/signals';

/** The popup's views. The hash keeps them addressable: a notification opens `popup.html#line=3`. */
export type Route = { view: 'overview' } | { view: 'line'; lineId: number } | { view: 'compare' };

export const OVERVIEW: Route = { view: 'overview' };

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const line = /^line=(\d{1,9})$/.exec(h);
  if (line && Number(line[1]) > 0) return { view: 'line', lineId: Number(line[1]) };
  if (h === 'compare') return { view: 'compare' };
  return OVERVIEW;
}

export function routeHash(route: Route): string {
  if (route.view === 'line') return `#line=${route.lineId}`;
  if (route.view === 'compare') return '#compare';
  return '';
}

/** The slice of `window` the router needs (injected so tests need no real navigation). */
export interface RouterWindow {
  location: { hash: string; pathname: string; search: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void; back(): void };
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
}

export interface Router {
  route: ReadonlySignal<Route>;
  /** Opens a view, as a history entry (the browser's Back works when the popup is a tab). */
  go(route: Route): void;
  /** Back to the overview: one history step when we made it, else in place (a deep link). */
  back(): void;
  dispose(): void;
}

export function createRouter(win: RouterWindow): Router {
  const route = signal(parseRoute(win.location.hash));
  let depth = 0;
  const sync = () => {
    const next = parseRoute(win.location.hash);
    if (routeHash(next) !== routeHash(route.value)) route.value = next;
  };
  win.addEventListener('popstate', sync);
  win.addEventListener('hashchange', sync);
  const base = () => `${win.location.pathname}${win.location.search}`;
  return {
    route,
    go(next) {
      if (routeHash(next) === routeHash(route.value)) return;
      win.history.pushState(null, '', `${base()}${routeHash(next)}`);
      depth++;
      route.value = next;
    },
    back() {
      if (route.value.view === 'overview') return;
      if (depth > 0) {
        depth--;
        win.history.back();
        // popstate follows asynchronously; the view changes now so focus can move at once.
      } else {
        win.history.replaceState(null, '', base());
      }
      route.value = OVERVIEW;
    },
    dispose() {
      win.removeEventListener('popstate', sync);
      win.removeEventListener('hashchange', sync);
    },
  };
}
