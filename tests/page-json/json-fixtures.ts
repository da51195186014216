import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_JSON_ADAPTERS } from '@/lib/page-json';
import { FIXTURES_DIR, type ExpectedReading } from '../helpers/fixtures';

/** Every carrier JSON reader (the background's registry); a reader without fixtures fails the harness. */
export const JSON_ADAPTERS = PAGE_JSON_ADAPTERS;

export interface JsonFixture {
  carrierId: string;
  name: string;
  body: unknown;
  text: string;
  expected: {
    url: string;
    now: string;
    timeZone?: string;
    note?: string;
    /** null: the answer says nothing about usage (another call, an error). */
    result: { ok: true; readings: (ExpectedReading & { via: 'json' })[] } | { ok: false; reason: string } | null;
  };
}

/**
 * `tests/fixtures/<carrier>/<date>-<variant>.body.json`, each with `<same name>.expected.json`:
 * the page's own JSON answers, beside the carrier's HTML fixtures. The HTML harness
 * (tests/helpers/fixtures.ts) reads only `.html` files, so it never sees these.
 */
export function loadJsonFixtures(): JsonFixture[] {
  const fixtures: JsonFixture[] = [];
  for (const carrierId of readdirSync(FIXTURES_DIR).sort()) {
    const dir = join(FIXTURES_DIR, carrierId);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.body.json')).sort()) {
      const name = file.slice(0, -'.json'.length);
      const text = readFileSync(join(dir, file), 'utf8');
      fixtures.push({
        carrierId,
        name,
        body: JSON.parse(text),
        text,
        expected: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as JsonFixture['expected'],
      });
    }
  }
  return fixtures;
}
