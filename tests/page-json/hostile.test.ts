import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageReadingSchema } from '@/lib/messages/schemas';
import type { ParseResult } from '@/lib/vocabulary/reading';
import { JSON_ADAPTERS, loadJsonFixtures } from './json-fixtures';

/**
 * Whatever the page's world hands over — forged, huge, deeply nested, prototype keys, wrong units,
 * negative, NaN-like strings, out-of-range numbers — a JSON reader never throws and never yields a
 * reading the background's schema would refuse; the targeted cases below yield nothing at all.
 */
const NOW = Date.UTC(2026, 11, 1, 12);
const fixtures = loadJsonFixtures();
const readable = fixtures.filter((f) => f.expected.result?.ok === true);

function read(carrierId: string, body: unknown, url: string): ParseResult | null {
  return JSON_ADAPTERS[carrierId]!.read(body, new URL(url), { now: NOW });
}

function assertSafe(result: ParseResult | null): void {
  if (!result) return;
  if (!result.ok) {
    expect(['logged-out', 'not-usage-page', 'layout-changed']).toContain(result.reason);
    return;
  }
  expect(result.readings.length).toBeGreaterThan(0);
  for (const reading of result.readings) {
    const parsed = pageReadingSchema.safeParse(reading);
    expect(parsed.success, JSON.stringify(reading)).toBe(true);
  }
}

/** A copy of `value` with the leaf at `pick` (mod the leaf count) replaced by `replacement`. */
function replaceLeaf(value: unknown, pick: number, replacement: unknown): unknown {
  const leaves: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const copy = structuredClone(value);
  const walk = (node: unknown) => {
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (child && typeof child === 'object') walk(child);
        else leaves.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
      }
    }
  };
  walk(copy);
  if (leaves.length === 0) return replacement;
  const [parent, key] = leaves[pick % leaves.length]!;
  (parent as Record<string | number, unknown>)[key] = replacement;
  return copy;
}

const hostileLeaf = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(-1, -0.5, 1e300, 1e15, Number.MAX_SAFE_INTEGER, 'NaN', 'Infinity', '1e400', '-5', '3,5', '', ' ', '０', null, true, '__proto__'),
);

describe('JSON readers on hostile input', () => {
  it.each(Object.keys(JSON_ADAPTERS))('%s never throws on any JSON value and yields only valid readings', (carrierId) => {
    const url = fixtures.find((f) => f.carrierId === carrierId)!.expected.url;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (body) => {
        assertSafe(read(carrierId, body, url));
      }),
      { numRuns: 300 },
    );
  });

  it.each(readable.map((f) => [`${f.carrierId}/${f.name}`, f] as const))('%s with any one value forged stays valid or yields nothing', (_name, fixture) => {
    fc.assert(
      fc.property(fc.nat(), hostileLeaf, (pick, leaf) => {
        assertSafe(read(fixture.carrierId, replaceLeaf(fixture.body, pick, leaf), fixture.expected.url));
      }),
      { numRuns: 300 },
    );
  });

  const telcelUrl = 'https://www.mitelcel.com/mitelcel/mitelcel-api-web/api/prepago/internet/frame-consumos';
  const telcel = (item: Record<string, unknown>) => read('telcel-mx', { data: { consumos: [{ nombreProducto: 'Internet Amigo', mbTotales: 3072, mbUsados: 100, mbDisponibles: 2972, ...item }] } }, telcelUrl);

  it.each([
    ['negative use', { mbUsados: -100 }],
    ['NaN as text', { mbUsados: 'NaN' }],
    ['Infinity as text', { mbDisponibles: 'Infinity' }],
    ['an exponent', { mbDisponibles: '1e400' }],
    ['a decimal comma', { mbUsados: '100,5' }],
    ['more than any plan sells', { mbUsados: 9e12 }],
    ['a number as an object', { mbUsados: { valueOf: 100 } }],
    ['a missing figure', { mbDisponibles: null }],
  ])('Telcel: %s yields nothing', (_what, item) => {
    expect(telcel(JSON.parse(JSON.stringify(item)) as Record<string, unknown>)).toBeNull();
  });

  it('reads nothing through prototype keys, inherited names or a wrapper it does not know', () => {
    const valid = { consumos: [{ nombreProducto: 'Internet', mbTotales: 3072, mbUsados: 100, mbDisponibles: 2972 }] };
    for (const text of [
      `{"__proto__": {"data": ${JSON.stringify(valid)}}}`,
      `{"constructor": {"data": ${JSON.stringify(valid)}}}`,
      `{"data": {"__proto__": ${JSON.stringify(valid)}}}`,
      `{"payload": {"data": ${JSON.stringify(valid)}}}`,
    ]) {
      expect(read('telcel-mx', JSON.parse(text), telcelUrl), text).toBeNull();
    }
    const inherited = Object.create({ data: valid }) as object;
    expect(read('telcel-mx', inherited, telcelUrl)).toBeNull();
  });

  it('reads nothing from a huge list or a deeply nested answer, without overflowing the stack', () => {
    const many = Array.from({ length: 10_000 }, () => ({ nombreProducto: 'Internet', mbTotales: 1, mbUsados: 0, mbDisponibles: 1 }));
    expect(read('telcel-mx', { data: { consumos: many } }, telcelUrl)).toBeNull();
    let deep: unknown = { data: { consumos: [] } };
    for (let i = 0; i < 100_000; i++) deep = { data: deep };
    for (const carrierId of Object.keys(JSON_ADAPTERS)) expect(read(carrierId, deep, telcelUrl)).toBeNull();
  });

  const cmhkUrl = 'https://www.hk.chinamobile.com/cmhk/cbs/usageQuery';
  const cmhk = (detail: Record<string, unknown>) =>
    read('cmhk', { data: { result: [{ details: [{ name: '服務計劃數據', total: '60.00', usage: '12.50', margin: '47.50', unit: 'GB', infinite: 'N', expired: 'N', ...detail }] }] } }, cmhkUrl);

  it.each([
    ['a unit it does not know', { unit: 'GiB' }],
    ['minutes', { unit: '分鐘' }],
    ['figures that do not add up', { usage: '50.00' }],
    ['used far beyond the total', { usage: '600.00', margin: '0', total: '60.00' }],
    ['a negative remainder', { margin: '-1' }],
    ['an unreadable "infinite" flag', { infinite: 'maybe' }],
  ])('CMHK: %s yields nothing', (_what, detail) => {
    expect(cmhk(detail)).toBeNull();
  });

  it('CMHK: an unlimited bucket is never given a total, and a mix of unlimited and capped entries yields nothing', () => {
    const result = cmhk({ infinite: 'Y' });
    expect(result).toMatchObject({ ok: true, readings: [{ unlimited: true, totalBytes: null, remainingBytes: null }] });
    const mixed = read('cmhk', { data: { result: [{ details: [
      { name: '本地數據', total: '0', usage: '3', margin: '0', unit: 'GB', infinite: 'Y', expired: 'N' },
      { name: '本地數據', total: '10', usage: '3', margin: '7', unit: 'GB', infinite: 'N', expired: 'N' },
    ] }] } }, cmhkUrl);
    expect(mixed).toBeNull();
  });

  it('Orange France: a gauge whose percent contradicts its figures, or a sentence for a size, yields nothing', () => {
    const orangeUrl = 'https://espace-client.orange.fr/ecd_wp/suivi-conso/mobile';
    const orange = (to: string, mainText: string, percent?: number) =>
      read('orange-fr', { families: [{ familyCode: 'internetMobile', bundles: [{ gaugeInfo: { to, percent }, summary: { mainText } }] }] }, orangeUrl);
    expect(orange('100 Go', '87,66 Go', 50)).toBeNull();
    expect(orange('100 Go dont 20 Go en Europe', '87,66 Go')).toBeNull();
    expect(orange('100 Go', '187,66 Go')).toBeNull();
    expect(orange('100 Go', '87,66 Go')).toMatchObject({ ok: true });
  });

  it('Entel: a failed answer, negative or absurd figures yield nothing', () => {
    const entelUrl = 'https://miportal.entel.cl/restpp/asset/consumptionInfo';
    const entel = (consumption: Record<string, unknown>, success: unknown = true) =>
      read('entel-cl', { success, response: { consumption: { totalData: 30000, displayDataUsed: 12500, ...consumption } } }, entelUrl);
    expect(entel({}, 'true')).toBeNull();
    expect(entel({ totalData: -30000 })).toBeNull();
    expect(entel({ displayDataUsed: 9e12 })).toBeNull();
    expect(entel({ displayDataUsed: 60000 })).toBeNull(); // twice the total
    expect(entel({ totalData: 0 })).toBeNull();
    expect(entel({})).toMatchObject({ ok: true });
  });
});
