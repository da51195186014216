import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleContentMessage, type ContentMessageDeps } from '@/lib/background/handle-content-message';
import { CARRIERS } from '@/lib/carriers';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { GB, pageReading } from '../helpers/readings';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const MOVISTAR_TAB = { id: OWN_ID, url: 'https://appweb.movistar.es/home', tab: { id: 7 } };

let db: GuardDb;
let deps: ContentMessageDeps;
let n = 0;

beforeEach(async () => {
  db = openGuardDb(`handler-test-${++n}`);
  await db.open();
  deps = { db, ownId: OWN_ID, adapters: CARRIERS, now: () => 1_000, onStored: vi.fn(), log: vi.fn() };
});
afterEach(async () => {
  await db.delete();
});

const message = (readings = [pageReading()]) => ({ type: 'page-readings', carrierId: 'movistar-es', readings });

describe('handleContentMessage', () => {
  it('stores readings from the carrier’s own page and refreshes the badge', async () => {
    expect(await handleContentMessage(message(), MOVISTAR_TAB, deps)).toEqual({ ok: true, stored: 1, confirmed: 0 });
    expect(await db.readings.count()).toBe(1);
    expect(deps.onStored).toHaveBeenCalledOnce();
  });

  it.each([
    ['another extension', { ...MOVISTAR_TAB, id: 'someoneelse' }],
    ['an extension page (no tab)', { id: OWN_ID, url: `chrome-extension://${OWN_ID}/popup.html` }],
    ['another carrier’s page', { ...MOVISTAR_TAB, url: 'https://espace-client.orange.fr/conso' }],
    ['a look-alike host', { ...MOVISTAR_TAB, url: 'https://appweb.movistar.es.evil.example/home' }],
    ['plain http', { ...MOVISTAR_TAB, url: 'http://appweb.movistar.es/home' }],
  ])('refuses a message from %s and writes nothing', async (_who, sender) => {
    expect(await handleContentMessage(message(), sender, deps)).toEqual({ ok: false, error: 'untrusted sender' });
    expect(await db.readings.count()).toBe(0);
    expect(deps.log).toHaveBeenCalled();
  });

  it.each([
    ['a negative figure', [pageReading({ usedBytes: -5 })]],
    ['NaN', [pageReading({ usedBytes: Number.NaN })]],
    ['used far beyond total', [pageReading({ usedBytes: 100 * GB })]],
  ])('rejects %s, logs it and stores nothing', async (_what, readings) => {
    expect(await handleContentMessage(message(readings), MOVISTAR_TAB, deps)).toEqual({ ok: false, error: 'malformed message' });
    expect(await db.readings.count()).toBe(0);
    expect(deps.log).toHaveBeenCalledWith('Rejected a malformed reading message', expect.anything());
  });

  it('never throws and never writes on arbitrary input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything(),
        fc.record({ id: fc.option(fc.string(), { nil: undefined }), url: fc.option(fc.webUrl(), { nil: undefined }) }),
        async (value, sender) => {
          const reply = await handleContentMessage(value, sender, deps);
          expect(reply.ok).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
    expect(await db.readings.count()).toBe(0);
    expect(await db.lines.count()).toBe(0);
  });

  it('answers with an error instead of throwing when the database fails', async () => {
    db.close();
    // The retry reopens a closed database (tests/background/storage-failure.test.ts); here it cannot.
    vi.spyOn(db, 'open').mockRejectedValue(new Error('cannot reopen'));
    const reply = await handleContentMessage(message(), MOVISTAR_TAB, { ...deps, db });
    expect(reply).toEqual({ ok: false, error: 'storage failed' });
  });
});
