import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARRIER_MATCHES, CARRIERS } from '@/lib/carriers';
import { CARRIER_CATALOG } from '@/lib/carriers/catalog';
import { isValidMatchPattern, matchesAny } from '@/lib/carriers/match-pattern';
import { loadFixtures } from '../helpers/fixtures';

const CARRIERS_DIR = join(__dirname, '../../lib/carriers');
const adapterFiles = readdirSync(CARRIERS_DIR).filter(
  (file) => file.endsWith('.ts') && readFileSync(join(CARRIERS_DIR, file), 'utf8').includes('export default defineCarrier('),
);

describe('carrier registry', () => {
  it('registers every adapter file, under an id equal to its file name', () => {
    expect(CARRIERS.map((c) => `${c.id}.ts`).sort()).toEqual(adapterFiles.sort());
  });

  it('is in the catalog’s order (= match priority), one adapter per catalog entry', () => {
    expect(CARRIERS.map((c) => c.id)).toEqual(CARRIER_CATALOG.map((c) => c.id));
    for (const [i, info] of CARRIER_CATALOG.entries()) {
      // The adapter carries its catalog entry as it is, never a restated copy.
      expect(CARRIERS[i]).toMatchObject(info);
    }
  });

  it('keeps adapters from restating their catalog facts (locale, unit base)', () => {
    for (const file of adapterFiles) {
      const source = readFileSync(join(CARRIERS_DIR, file), 'utf8');
      expect(source, file).not.toMatch(/'(?:es-ES|es-CL|es-MX|fr-FR|zh-HK|zh-CN)'\s*,\s*10(?:00|24)\b/);
    }
  });

  it('has unique ids and valid https match patterns', () => {
    expect(new Set(CARRIERS.map((c) => c.id)).size).toBe(CARRIERS.length);
    for (const carrier of CARRIERS) {
      expect(carrier.matches.length).toBeGreaterThan(0);
      for (const pattern of carrier.matches) {
        expect(isValidMatchPattern(pattern), pattern).toBe(true);
        expect(pattern.startsWith('https://'), pattern).toBe(true);
      }
      expect(matchesAny(carrier.matches, carrier.usageUrl), `${carrier.id} usageUrl`).toBe(true);
    }
  });

  it('lets exactly one adapter claim each fixture URL, the one whose folder it is in', () => {
    for (const fixture of loadFixtures()) {
      const claimants = CARRIERS.filter((c) => matchesAny(c.matches, fixture.expected.url)).map((c) => c.id);
      expect(claimants, fixture.htmlPath).toEqual([fixture.carrierId]);
    }
  });

  it('has fixtures for every adapter', () => {
    const folders = new Set(loadFixtures().map((f) => f.carrierId));
    for (const carrier of CARRIERS) expect(folders.has(carrier.id), carrier.id).toBe(true);
  });

  it('gives every adapter its own content script, matching exactly the adapter’s pages', () => {
    const entrypoints = readdirSync(join(__dirname, '../../entrypoints')).filter((f) => f.endsWith('.content.ts'));
    expect(entrypoints.sort()).toEqual(CARRIERS.map((c) => `${c.id}.content.ts`).sort());
    for (const carrier of CARRIERS) {
      const source = readFileSync(join(__dirname, '../../entrypoints', `${carrier.id}.content.ts`), 'utf8');
      expect(source).toContain(`from '@/lib/carriers/${carrier.id}'`);
      expect(source).toContain('matches: adapter.matches');
    }
  });

  it('lets no two adapters claim the same usage page', () => {
    for (const carrier of CARRIERS) {
      expect(CARRIERS.filter((c) => matchesAny(c.matches, carrier.usageUrl)).map((c) => c.id)).toEqual([carrier.id]);
    }
  });

  it('exposes the union of all adapter matches (the extension’s only host access)', () => {
    expect(new Set(CARRIER_MATCHES)).toEqual(new Set(CARRIERS.flatMap((c) => c.matches)));
  });
});
