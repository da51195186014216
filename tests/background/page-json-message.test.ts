import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleContentMessage, type ContentMessageDeps } from '@/lib/background/handle-content-message';
import { CARRIERS } from '@/lib/carriers';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { PAGE_JSON_MAX_ANSWERS, PAGE_JSON_MAX_CHARS } from '@/lib/page-json/envelope';
import { GB, pageReading } from '../helpers/readings';

/**
 * The page's own JSON answers reach the background raw, in the `page-readings` message; the
 * background parses them, reads them with the carrier's JSON reader, merges them with the
 * page's readings and validates every reading before the one write. Bodies and URLs come from
 * the page's world: hostile input.
 */
const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const NOW = Date.UTC(2026, 11, 1, 12);
const MB = 1024 ** 2;
const TELCEL_TAB = { id: OWN_ID, url: 'https://www.mitelcel.com/mitelcel/consumo-datos/', tab: { id: 3 } };
const TELCEL_API = 'https://www.mitelcel.com/mitelcel/mitelcel-api-web/api/prepago/internet/frame-consumos';
const CMHK_TAB = { id: OWN_ID, url: 'https://www.hk.chinamobile.com/tc/home/my-zone/menu/usage-query', tab: { id: 4 } };
const CMHK_API = 'https://www.hk.chinamobile.com/cmhk/cbs/usageQuery';
const CMHK_LOGIN = 'https://www.hk.chinamobile.com/cmhk/queryLoginInfo';

const body = (carrier: string, name: string) => readFileSync(join('tests/fixtures', carrier, `${name}.body.json`), 'utf8');
const telcelAnswer = (text = body('telcel-mx', '2026-12-01-frame-consumos'), url = TELCEL_API) => ({ url, body: text });
const message = (carrierId: string, readings: unknown[], pageJson?: unknown[]) => ({ type: 'page-readings', carrierId, readings, ...(pageJson ? { pageJson } : {}) });

let db: GuardDb;
let deps: ContentMessageDeps;
let n = 0;

beforeEach(async () => {
  db = openGuardDb(`page-json-message-${++n}`);
  await db.open();
  deps = { db, ownId: OWN_ID, adapters: CARRIERS, now: () => NOW, timeZone: 'America/Mexico_City', onStored: vi.fn(), log: vi.fn() };
});
afterEach(async () => {
  await db.delete();
});

const stored = () => db.readings.orderBy('id').toArray();

describe('page JSON in the page-readings message', () => {
  it('reads the answer alone when the page shows nothing readable, and says how many lines it stored', async () => {
    const reply = await handleContentMessage(message('telcel-mx', [], [telcelAnswer()]), TELCEL_TAB, deps);
    expect(reply).toEqual({ ok: true, stored: 2, confirmed: 0, lines: 1 });
    expect((await stored()).map((r) => [r.bucket, r.usedBytes, r.via])).toEqual([
      ['data', Math.round(1024.5 * MB), 'json'],
      ['bonus', 0, 'json'],
    ]);
  });

  it('stores ONE reading when the JSON and the page give the same line and bucket: the JSON’s figures, the page’s number and plan', async () => {
    const dom = pageReading({ lineDigits: '0012', planName: 'Amigo Sin Límite 200', usedBytes: 1 * GB, totalBytes: 3 * GB, remainingBytes: 2 * GB });
    const reply = await handleContentMessage(message('telcel-mx', [dom], [telcelAnswer()]), TELCEL_TAB, deps);
    expect(reply).toMatchObject({ ok: true, stored: 2 });
    const rows = await stored();
    expect(rows.filter((r) => r.bucket === 'data')).toEqual([expect.objectContaining({ usedBytes: Math.round(1024.5 * MB), via: 'json' })]);
    const lines = await db.lines.toArray();
    expect(lines).toEqual([expect.objectContaining({ lineDigits: '0012', planName: 'Amigo Sin Límite 200' })]);
  });

  it('marks the page’s readings as such, with or without an answer that says nothing about usage', async () => {
    const error = telcelAnswer(body('telcel-mx', '2026-12-01-error'));
    await handleContentMessage(message('telcel-mx', [pageReading()], [error]), TELCEL_TAB, deps);
    await handleContentMessage(message('movistar-es', [pageReading({ usedBytes: 4 * GB, remainingBytes: 16 * GB })]), { ...TELCEL_TAB, url: 'https://appweb.movistar.es/home' }, deps);
    expect((await stored()).map((r) => r.via)).toEqual(['dom', 'dom']);
  });

  it('stores nothing when the JSON says signed out, even beside figures on screen, and the reply says so', async () => {
    const signedOut = { url: CMHK_LOGIN, body: body('cmhk', '2026-12-01-signed-out') };
    const reply = await handleContentMessage(message('cmhk', [pageReading()], [signedOut]), CMHK_TAB, deps);
    expect(reply).toEqual({ ok: true, stored: 0, confirmed: 0, verdict: 'logged-out' });
    expect(await stored()).toEqual([]);
    expect(deps.onStored).not.toHaveBeenCalled();
  });

  it('lets the latest answer that says something win: a usage answer after the login check is read', async () => {
    const usage = { url: CMHK_API, body: body('cmhk', '2026-12-01-usage-query') };
    const signedIn = { url: CMHK_LOGIN, body: '{"code":"000000"}' };
    expect(await handleContentMessage(message('cmhk', [], [signedIn, usage]), CMHK_TAB, deps)).toMatchObject({ ok: true, stored: 3, lines: 1 });
    const signedOut = { url: CMHK_LOGIN, body: body('cmhk', '2026-12-01-signed-out') };
    expect(await handleContentMessage(message('cmhk', [], [usage, signedOut]), CMHK_TAB, deps)).toMatchObject({ verdict: 'logged-out' });
  });

  it.each([
    ['text that is not JSON', '{"data":'],
    ['JSON that says nothing', '{"data":{"consumos":"many"}}'],
    ['figures behind prototype keys', `{"__proto__":${body('telcel-mx', '2026-12-01-frame-consumos')}}`],
    ['figures under a constructor key', `{"constructor":${body('telcel-mx', '2026-12-01-frame-consumos')}}`],
    ['absurd figures', '{"data":{"consumos":[{"nombreProducto":"Internet","mbTotales":3072,"mbUsados":9e12,"mbDisponibles":0}]}}'],
    ['a deeply nested answer', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ])('ignores %s and stores nothing: the reply says nothing was readable', async (_what, text) => {
    const reply = await handleContentMessage(message('telcel-mx', [], [telcelAnswer(text)]), TELCEL_TAB, deps);
    expect(reply).toEqual({ ok: true, stored: 0, confirmed: 0, verdict: 'layout-changed' });
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['a body over the cap', () => message('telcel-mx', [], [telcelAnswer(' '.repeat(PAGE_JSON_MAX_CHARS + 1))])],
    ['a URL off the carrier’s list', () => message('telcel-mx', [], [telcelAnswer(undefined, 'https://www.mitelcel.com/mitelcel/perfil')])],
    ['a look-alike host', () => message('telcel-mx', [], [telcelAnswer(undefined, TELCEL_API.replace('mitelcel.com', 'mitelcel.com.evil.example'))])],
    ['the URL of another carrier’s API', () => message('telcel-mx', [], [telcelAnswer(body('cmhk', '2026-12-01-usage-query'), CMHK_API)])],
    ['page JSON for a carrier without a JSON reader', () => message('movistar-es', [pageReading()], [telcelAnswer()])],
    ['an inherited carrier name', () => message('constructor', [], [telcelAnswer()])],
    ['more answers than allowed', () => message('telcel-mx', [], Array.from({ length: PAGE_JSON_MAX_ANSWERS + 1 }, () => telcelAnswer()))],
    ['an empty list of answers', () => message('telcel-mx', [], [])],
    ['an answer with an extra field', () => message('telcel-mx', [], [{ ...telcelAnswer(), action: 'store' }])],
    ['a parsed body instead of text', () => message('telcel-mx', [], [{ url: TELCEL_API, body: { data: {} } }])],
    ['neither readings nor answers', () => message('telcel-mx', [])],
  ])('rejects a message with %s and stores nothing', async (_what, make) => {
    const sender = make().carrierId === 'movistar-es' ? { ...TELCEL_TAB, url: 'https://appweb.movistar.es/home' } : TELCEL_TAB;
    expect(await handleContentMessage(make(), sender, deps)).toEqual({ ok: false, error: 'malformed message' });
    expect(await stored()).toEqual([]);
  });

  it('refuses the JSON of a carrier’s API sent from another carrier’s page', async () => {
    expect(await handleContentMessage(message('telcel-mx', [], [telcelAnswer()]), CMHK_TAB, deps)).toEqual({ ok: false, error: 'untrusted sender' });
    expect(await stored()).toEqual([]);
  });

  it('never throws and never stores an invalid reading, whatever text the answers hold', async () => {
    const urls = [TELCEL_API, `${TELCEL_API}?_=1`, 'https://www.mitelcel.com/mitelcel/mitelcel-api-web/api/postpago/internet/consumo/5500000012'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ url: fc.constantFrom(...urls), body: fc.oneof(fc.string(), fc.json()) }), { minLength: 1, maxLength: 4 }), async (answers) => {
        const reply = await handleContentMessage(message('telcel-mx', [], answers), TELCEL_TAB, deps);
        expect(reply.ok).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(await stored()).toEqual([]);
  });
});
