import type { StorageAreaLike } from '@/lib/background/storage-area';

/** An in-memory `browser.storage` area, values copied like the real one (structured clone). */
export function memoryArea(initial: Record<string, unknown> = {}): StorageAreaLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  const keysOf = (keys?: string | string[] | null) => (keys == null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys);
  return {
    data,
    async get(keys) {
      return Object.fromEntries(keysOf(keys).filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
  };
}
