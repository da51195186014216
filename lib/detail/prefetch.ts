/**
 * Loads started before the view that needs them mounts (on a hover, a press, the click itself), so
 * the database work overlaps the view's first render. The view that mounts takes the load if it is
 * still fresh, or starts its own; either way a load is used once, so reopening a line reads it anew.
 */
export interface Prefetcher<K, T> {
  /** Starts the load for `key` unless a fresh one is already under way. */
  prefetch(key: K): void;
  /** The fresh prefetched load for `key` (removed), else a new load. */
  take(key: K): Promise<T>;
}

export function createPrefetcher<K, T>(load: (key: K) => Promise<T>, { freshMs, keyOf, now = Date.now }: { freshMs: number; keyOf: (key: K) => string; now?: () => number }): Prefetcher<K, T> {
  const started = new Map<string, { at: number; loaded: Promise<T> }>();
  const fresh = (entry: { at: number } | undefined): entry is { at: number; loaded: Promise<T> } => entry !== undefined && now() - entry.at < freshMs;
  return {
    prefetch(key) {
      const id = keyOf(key);
      if (fresh(started.get(id))) return;
      const loaded = load(key);
      // Never an unhandled rejection: the view that takes it reports the error.
      loaded.catch(() => undefined);
      started.set(id, { at: now(), loaded });
    },
    take(key) {
      const id = keyOf(key);
      const entry = started.get(id);
      started.delete(id);
      return fresh(entry) ? entry.loaded : load(key);
    },
  };
}
