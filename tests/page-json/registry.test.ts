import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARRIERS } from '@/lib/carriers';
import { PAGE_JSON_ADAPTERS, pageJsonAdapterOf } from '@/lib/page-json';
import { PAGE_JSON_URLS, pageJsonUrlsOf } from '@/lib/page-json/allow-list';

/**
 * The background reads the page's JSON by carrier id (lib/page-json/index.ts), and the message
 * schema checks each answer's URL against that carrier's allow-list: both must name the same
 * carriers, with the same lists, and every reader file must be registered.
 */
const NOT_READERS = new Set(['allow-list', 'envelope', 'index', 'merge', 'plausible', 'read', 'read-answers', 'sizes', 'types']);

describe('the registry of JSON readers', () => {
  it('holds every reader file in lib/page-json, keyed by its carrier id, which is the file name', () => {
    const files = readdirSync(join(process.cwd(), 'lib/page-json'))
      .map((f) => f.replace(/\.ts$/, ''))
      .filter((f) => !NOT_READERS.has(f))
      .sort();
    expect(Object.keys(PAGE_JSON_ADAPTERS).sort()).toEqual(files);
    for (const [id, adapter] of Object.entries(PAGE_JSON_ADAPTERS)) expect(adapter.carrierId).toBe(id);
  });

  it('names the carriers of the allow-list, each reader with its own list, each a real carrier', () => {
    expect(Object.keys(PAGE_JSON_ADAPTERS).sort()).toEqual(Object.keys(PAGE_JSON_URLS).sort());
    for (const [id, adapter] of Object.entries(PAGE_JSON_ADAPTERS)) {
      expect(adapter.urls).toBe(PAGE_JSON_URLS[id]);
      expect(CARRIERS.some((c) => c.id === id), id).toBe(true);
    }
  });

  it('gives a carrier without a reader, or an inherited name, nothing', () => {
    for (const id of ['movistar-es', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(pageJsonAdapterOf(id), id).toBeUndefined();
      expect(pageJsonUrlsOf(id), id).toEqual([]);
    }
  });
});
