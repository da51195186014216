import { describe, expect, it } from 'vitest';
import { ALLOWED, lintFirefox } from '../../scripts/lint-firefox';

/** What addons.mozilla.org would say on upload: no error, no warning outside the documented allow-list. */
describe('addons-linter on the Firefox zip', () => {
  it('reports no error and only the allow-listed library warnings', async () => {
    const outcome = await lintFirefox();
    const show = (list: typeof outcome.errors) => list.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    expect(show(outcome.errors)).toEqual([]);
    expect(show(outcome.unexpected)).toEqual([]);
    // Every allow-list entry still matches something: a stale entry would hide a future warning.
    for (const allowed of ALLOWED) expect(outcome.allowed.some((m) => m.code === allowed.code), allowed.code).toBe(true);
  });
});
