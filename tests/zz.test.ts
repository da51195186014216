import { it } from 'vitest';
import { appendFileSync, writeFileSync } from 'node:fs';
import { adapterForUrl } from '@/lib/carriers';
import { loadFixtures, parseFixture } from './helpers/fixtures';
it('x', () => {
  writeFileSync('/tmp/fx/out.txt', '');
  const re = new RegExp(process.env.FX!);
  for (const f of loadFixtures().filter((x) => re.test(`${x.carrierId}/${x.name}`))) {
    const url = new URL(f.expected.url);
    const r = adapterForUrl(url)!.parse(parseFixture(f), url, { now: Date.parse(f.expected.now) });
    const out = r.ok ? { ok: true, readings: r.readings.map((x) => ({ ...x, periodEnd: x.periodEnd === null ? null : new Date(x.periodEnd).toISOString().slice(0, 10), pageSaysUpdatedAt: x.pageSaysUpdatedAt === null ? null : new Date(x.pageSaysUpdatedAt).toISOString().replace('.000Z', 'Z') })) } : r;
    appendFileSync('/tmp/fx/out.txt', `== ${f.carrierId}/${f.name}\n${JSON.stringify(out)}\n`);
    if (process.env.WRITE && r.ok) {
      const sidecar = { ...f.expected, result: out };
      writeFileSync(f.htmlPath.replace(/\.html$/, '.expected.json'), `${JSON.stringify(sidecar, null, 2)}\n`);
    }
  }
});
