import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLocation } from '@/lib/content/location';

/** The reader follows real URL changes only: the page cannot make it re-read by firing events. */
beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/home');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchLocation', () => {
  it('tells each same-document navigation once, and nothing for events that change no URL', async () => {
    const changes: string[] = [];
    const stop = watchLocation(window, (href) => changes.push(new URL(href).pathname));
    for (let i = 0; i < 100; i++) {
      window.dispatchEvent(new PopStateEvent('popstate'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      window.dispatchEvent(new Event('wxt:locationchange'));
    }
    await vi.advanceTimersByTimeAsync(3_000);
    expect(changes).toEqual([]);
    history.pushState(null, '', '/consumo');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(changes).toEqual(['/consumo']);
    stop();
    history.pushState(null, '', '/otra');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(changes).toEqual(['/consumo']);
  });
});
