import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export interface ExpectedReading {
  lineDigits: string | null;
  planName: string | null;
  bucket: string;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  remainingBytes: number | null;
  /** YYYY-MM-DD (UTC day) or null. */
  periodEnd: string | null;
  /** 'expiry' (prepaid validity) or 'renewal' (bill cycle), when periodEnd is stated. */
  periodEndKind?: 'expiry' | 'renewal';
  /** ISO time, compared to the minute, or null. */
  pageSaysUpdatedAt: string | null;
  generic?: boolean;
}

export interface FixtureExpectation {
  url: string;
  now: string;
  result: { ok: true; readings: ExpectedReading[] } | { ok: false; reason: string };
}

export interface Fixture {
  carrierId: string;
  name: string;
  htmlPath: string;
  html: string;
  expected: FixtureExpectation;
}

/** Every `tests/fixtures/<carrier>/<name>.html` with its `<name>.expected.json` sidecar. */
export function loadFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const carrierId of readdirSync(FIXTURES_DIR).sort()) {
    const dir = join(FIXTURES_DIR, carrierId);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
      const name = file.slice(0, -'.html'.length);
      fixtures.push({
        carrierId,
        name,
        htmlPath: join(dir, file),
        html: readFileSync(join(dir, file), 'utf8'),
        expected: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as FixtureExpectation,
      });
    }
  }
  return fixtures;
}

/** Parses saved HTML the way a page script-free browser would: DOMParser never runs scripts. */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
