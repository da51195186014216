import { describe, expect, it, vi } from 'vitest';
import { createPrefetcher } from '@/lib/detail/prefetch';

function setup() {
  let clock = 0;
  const load = vi.fn((key: { id: number }) => Promise.resolve(`line ${key.id} at ${clock}`));
  const loads = createPrefetcher(load, { freshMs: 1_000, keyOf: (k) => String(k.id), now: () => clock });
  return { load, loads, tick: (ms: number) => (clock += ms) };
}

describe('loads started before the detail view mounts', () => {
  it('the view takes the prefetched load instead of starting another', async () => {
    const { load, loads } = setup();
    loads.prefetch({ id: 1 });
    loads.prefetch({ id: 1 }); // a hover, then the press: one load
    expect(await loads.take({ id: 1 })).toBe('line 1 at 0');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a load is used once: reopening the line reads it anew', async () => {
    const { load, loads, tick } = setup();
    loads.prefetch({ id: 1 });
    await loads.take({ id: 1 });
    tick(10);
    expect(await loads.take({ id: 1 })).toBe('line 1 at 10');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('a stale prefetch is not shown: the view loads afresh', async () => {
    const { load, loads, tick } = setup();
    loads.prefetch({ id: 1 });
    tick(1_000);
    expect(await loads.take({ id: 1 })).toBe('line 1 at 1000');
    loads.prefetch({ id: 2 });
    tick(2_000);
    loads.prefetch({ id: 2 }); // stale: started again
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('another line is another load; a failed prefetch is reported by the view that takes it, never unhandled', async () => {
    const load = vi.fn((key: number) => (key === 2 ? Promise.reject(new Error('gone')) : Promise.resolve(key)));
    const loads = createPrefetcher(load, { freshMs: 1_000, keyOf: String, now: () => 0 });
    loads.prefetch(1);
    loads.prefetch(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(await loads.take(1)).toBe(1);
    await expect(loads.take(2)).rejects.toThrow('gone');
  });
});
