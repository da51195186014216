import { CARRIERS } from '@/lib/carriers';
import { loadFixtures, type Fixture } from '../helpers/fixtures';

/**
 * Carrier fixture pages the end-to-end tests of both browsers serve at their real URLs, and what
 * a page's own HTML asks for.
 */
export type ReadableFixture = Fixture & { expected: { result: { ok: true } } };

const isReadable = (f: Fixture): f is ReadableFixture => f.expected.result.ok;

/** The fixture `name` of `carrierId`, one whose figures must be stored. */
export const readableFixture = (carrierId: string, name: string): ReadableFixture =>
  loadFixtures().find((f): f is ReadableFixture => f.carrierId === carrierId && f.name === name && isReadable(f))!;

/** For each carrier, its first fixture that holds figures (a carrier without one is missing). */
export const firstReadable: ReadableFixture[] = CARRIERS.map((carrier) => loadFixtures().find((f): f is ReadableFixture => f.carrierId === carrier.id && isReadable(f))).filter(
  (f): f is ReadableFixture => f !== undefined,
);

/** The images, styles and media a page's HTML names: the page's own traffic, not ours. */
export function subresourcesOf(html: string, pageUrl: string): string[] {
  return [...html.matchAll(/<(?:img|link|source|video|audio)\b[^>]*\s(?:src|href)\s*=\s*["']([^"'#][^"']*)["']/gi)].map(
    (m) => new URL(m[1]!, pageUrl).href,
  );
}
