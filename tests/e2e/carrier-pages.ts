import { CARRIERS } from '@/lib/carriers';
import { loadFixtures } from '../helpers/fixtures';

/**
 * The first readable fixture page of every carrier, and what its own HTML asks for: the pages the
 * no-network tests (tests/e2e/no-network.e2e.ts in Chromium, tests/e2e/firefox/no-network.e2e.ts)
 * read while they record every request.
 */
export const carrierPages = CARRIERS.map((carrier) => loadFixtures().find((f) => f.carrierId === carrier.id && f.expected.result.ok)!);

/** The images, styles and media a page's HTML names: the page's own traffic, not ours. */
export function subresourcesOf(html: string, pageUrl: string): string[] {
  return [...html.matchAll(/<(?:img|link|source|video|audio)\b[^>]*\s(?:src|href)\s*=\s*["']([^"'#][^"']*)["']/gi)].map(
    (m) => new URL(m[1]!, pageUrl).href,
  );
}
