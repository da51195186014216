import { describe, expect, it, vi } from 'vitest';
import { coalesce } from '@/lib/background/coalesce';

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('coalesce', () => {
  it('serves a flood of requests with one run going and one run after it', async () => {
    const gates = [gate(), gate()];
    let runs = 0;
    const request = coalesce(async () => {
      await gates[runs++]!.promise;
    }, vi.fn());
    const first = request();
    const flood = Array.from({ length: 1000 }, () => request());
    expect(runs).toBe(1);
    gates[0]!.open();
    await first;
    gates[1]!.open();
    await Promise.all(flood);
    expect(runs).toBe(2);
  });

  it('starts a fresh run for a request made after the last one ended', async () => {
    const task = vi.fn(async () => {});
    const request = coalesce(task, vi.fn());
    await request();
    await request();
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('reports a failing run and keeps serving requests', async () => {
    const onError = vi.fn();
    let fail = true;
    const request = coalesce(async () => {
      if (fail) throw new Error('boom');
    }, onError);
    await expect(request()).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
    fail = false;
    await expect(request()).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('never runs two at once', async () => {
    let active = 0;
    let most = 0;
    const request = coalesce(async () => {
      most = Math.max(most, ++active);
      await new Promise((r) => setTimeout(r, 1));
      active--;
    }, vi.fn());
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 7 === 0 ? new Promise((r) => setTimeout(r, i)).then(request) : request())));
    expect(most).toBe(1);
  });
});
