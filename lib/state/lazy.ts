import { signal, type ReadonlySignal } from '@preact/signals';

export interface LazyModule<T> {
  /** null until loaded. */
  module: ReadonlySignal<T | null>;
  error: ReadonlySignal<string | null>;
  /** Starts the import once; later calls return the same promise. */
  load(): Promise<T | null>;
}

/**
 * A view's code fetched only when it is first wanted (a dynamic `import()`), so the first screen's
 * bundle stays small; the signal re-renders whoever reads it when the chunk arrives.
 */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  const module = signal<T | null>(null);
  const error = signal<string | null>(null);
  let pending: Promise<T | null> | null = null;
  return {
    module,
    error,
    load() {
      pending ??= importer().then(
        (m) => (module.value = m),
        (e: unknown) => {
          error.value = e instanceof Error ? e.message : String(e);
          pending = null;
          return null;
        },
      );
      return pending;
    },
  };
}
