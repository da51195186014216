/**
 * Runs `task` so that requests never pile up: one run at a time, and every request made while a
 * run is going is served by ONE follow-up run that starts when it ends. A flood of readings (a
 * page re-rendering a thousand times) therefore costs at most two rebuilds, not a thousand queued
 * ones that keep the UI's requests waiting. The promise resolves when a run that started after
 * the request has finished; a failing run is reported to `onError` and never rejects.
 */
export function coalesce(task: () => Promise<void>, onError: (error: unknown) => void): () => Promise<void> {
  let current: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const run = task()
      .catch(onError)
      .finally(() => {
        if (current === run) current = null;
      });
    current = run;
    return run;
  };
  return () => {
    if (!current) return start();
    next ??= current.then(() => {
      next = null;
      return start();
    });
    return next;
  };
}
