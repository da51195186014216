import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CarrierAdapter } from '@/lib/carriers/types';
import { scaffold, type NewCarrier } from '../../scripts/new-carrier';
import { parseHtml } from '../helpers/fixtures';

const current = {
  catalog: readFileSync('lib/carriers/catalog.ts', 'utf8'),
  registry: readFileSync('lib/carriers/index.ts', 'utf8'),
  permissions: readFileSync('PERMISSIONS.md', 'utf8'),
};
const carrier: NewCarrier = { id: 'wom-cl', label: 'WOM', country: 'CL', locale: 'es-CL', base: 1000, host: 'mi.wom.cl', date: '2026-11-20' };

/** Bundles the scaffolded adapter against the scaffolded catalog, as the build would. */
async function scaffoldedAdapter(files: Record<string, string>): Promise<CarrierAdapter> {
  const carriers = resolve('lib/carriers');
  const out = await build({
    stdin: { contents: files['lib/carriers/wom-cl.ts']!, resolveDir: carriers, loader: 'ts', sourcefile: 'wom-cl.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    plugins: [
      {
        name: 'scaffolded-catalog',
        setup(b) {
          b.onResolve({ filter: /^\.\/catalog$/ }, () => ({ path: 'catalog', namespace: 'scaffold' }));
          b.onLoad({ filter: /.*/, namespace: 'scaffold' }, () => ({ contents: files['lib/carriers/catalog.ts'], loader: 'ts', resolveDir: carriers }));
        },
      },
    ],
  });
  // Inside the project: the test runner loads modules from its own root.
  mkdirSync(resolve('node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(resolve('node_modules/.cache/new-carrier-'));
  try {
    const file = join(dir, 'adapter.mjs');
    writeFileSync(file, out.outputFiles[0]!.text);
    return ((await import(pathToFileURL(file).href)) as { default: CarrierAdapter }).default;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm run new-carrier', () => {
  const files = scaffold(carrier, current);

  it('adds the catalog entry at the end of the match order, the registry import and a PERMISSIONS.md line', () => {
    expect(files['lib/carriers/catalog.ts']).toContain("id: 'wom-cl'");
    expect(files['lib/carriers/catalog.ts']).toMatch(/CARRIER_CATALOG: readonly CarrierInfo\[\] = \[[^\]]*, WOM_CL\]/);
    expect(files['lib/carriers/index.ts']).toContain("import womCl from './wom-cl';");
    expect(files['lib/carriers/index.ts']).toMatch(/const ADAPTERS: readonly CarrierAdapter\[\] = \[[^\]]*, womCl\]/);
    expect(files['PERMISSIONS.md']).toContain('| WOM | Chile | `https://mi.wom.cl/*` |');
    expect(files['entrypoints/wom-cl.content.ts']).toContain("from '@/lib/carriers/wom-cl'");
    expect(files['entrypoints/wom-cl.content.ts']).toContain('matches: adapter.matches');
  });

  it('writes an adapter that receives its locale and base from the catalog and reads its own fixtures', async () => {
    expect(files['lib/carriers/wom-cl.ts']).not.toMatch(/'es-CL'|1000/);
    const adapter = await scaffoldedAdapter(files);
    expect(adapter).toMatchObject({ id: 'wom-cl', locale: 'es-CL', unitBase: 1000, matches: ['https://mi.wom.cl/*'] });
    for (const name of ['usage', 'signed-out']) {
      const sidecar = JSON.parse(files[`tests/fixtures/wom-cl/2026-11-20-${name}.expected.json`]!);
      const result = adapter.parse(parseHtml(files[`tests/fixtures/wom-cl/2026-11-20-${name}.html`]!), new URL(sidecar.url), { now: Date.parse(sidecar.now) });
      if (!sidecar.result.ok) expect(result).toMatchObject({ ok: false, reason: sidecar.result.reason });
      else {
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.readings.map((r) => ({ ...r, periodEnd: new Date(r.periodEnd!).toISOString().slice(0, 10) }))).toEqual(sidecar.result.readings);
        }
      }
    }
  });

  it('refuses an id already in the catalog, or a malformed one', () => {
    expect(() => scaffold({ ...carrier, id: 'claro-cl' }, current)).toThrow(/already/);
    expect(() => scaffold({ ...carrier, id: 'Bad Id' }, current)).toThrow(/lower-case/);
  });
});
