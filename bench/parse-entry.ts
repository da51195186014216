// Bundled by bench/content-parse.ts into the benchmark page: every adapter's parse, as shipped.
import { CARRIERS } from '../lib/carriers';

(globalThis as unknown as { benchParse: unknown }).benchParse = (carrierId: string, runs: number, now: number): number[] => {
  const adapter = CARRIERS.find((c) => c.id === carrierId);
  if (!adapter) throw new Error(`no adapter ${carrierId}`);
  const url = new URL(location.href);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = adapter.parse(document, url, { now });
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(`${carrierId} could not read the benchmark page: ${result.reason}`);
  }
  return times;
};
