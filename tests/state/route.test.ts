import { describe, expect, it } from 'vitest';
import { createRouter, parseRoute, routeHash, type RouterWindow } from '@/lib/state/route';

describe('popup routes', () => {
  it.each([
    ['', { view: 'overview' }],
    ['#line=3', { view: 'line', lineId: 3 }],
    ['#compare', { view: 'compare' }],
    ['#line=0', { view: 'overview' }],
    ['#line=abc', { view: 'overview' }],
    ['#line=3&x', { view: 'overview' }],
  ] as const)('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
  it('round-trips', () => {
    expect(parseRoute(routeHash({ view: 'line', lineId: 42 }))).toEqual({ view: 'line', lineId: 42 });
    expect(routeHash({ view: 'overview' })).toBe('');
  });
});

function fakeWindow(hash = '') {
  const listeners = new Map<string, Set<() => void>>();
  const entries = [hash];
  let index = 0;
  const win: RouterWindow & { fire(type: string): void; entries: string[] } = {
    entries,
    location: { hash, pathname: '/popup.html', search: '' },
    history: {
      pushState: (_d, _u, url) => {
        entries.splice(index + 1, Infinity, url.replace('/popup.html', ''));
        index++;
        win.location.hash = entries[index]!;
      },
      replaceState: (_d, _u, url) => {
        entries[index] = url.replace('/popup.html', '');
        win.location.hash = entries[index]!;
      },
      back: () => {
        index = Math.max(0, index - 1);
        win.location.hash = entries[index]!;
        queueMicrotask(() => win.fire('popstate'));
      },
    },
    addEventListener: (type, l) => (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(l),
    removeEventListener: (type, l) => listeners.get(type)?.delete(l),
    fire: (type) => listeners.get(type)?.forEach((l) => l()),
  };
  return win;
}

describe('router', () => {
  it('opens a line as a history entry and goes back one step', async () => {
    const win = fakeWindow();
    const router = createRouter(win);
    router.go({ view: 'line', lineId: 2 });
    expect(router.route.value).toEqual({ view: 'line', lineId: 2 });
    expect(win.location.hash).toBe('#line=2');
    router.back();
    expect(router.route.value).toEqual({ view: 'overview' });
    await Promise.resolve();
    expect(win.location.hash).toBe('');
    expect(router.route.value).toEqual({ view: 'overview' });
  });

  it('starts on a deep link (a notification) and goes back in place, not out of the popup', () => {
    const win = fakeWindow('#line=7');
    const router = createRouter(win);
    expect(router.route.value).toEqual({ view: 'line', lineId: 7 });
    router.back();
    expect(router.route.value).toEqual({ view: 'overview' });
    expect(win.entries).toEqual(['']);
  });

  it('follows the browser’s own back and forward', () => {
    const win = fakeWindow();
    const router = createRouter(win);
    win.location.hash = '#compare';
    win.fire('hashchange');
    expect(router.route.value).toEqual({ view: 'compare' });
    router.dispose();
    win.location.hash = '';
    win.fire('hashchange');
    expect(router.route.value).toEqual({ view: 'compare' });
  });
});
