import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleUiAction, type UiActionDeps } from '@/lib/background/handle-ui-action';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { storeReadings } from '@/lib/db/store-readings';
import { pageReading } from '../helpers/readings';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const POPUP = { id: OWN_ID, url: `${ORIGIN}popup.html` };

let db: GuardDb;
let deps: UiActionDeps;
let n = 0;

beforeEach(async () => {
  db = openGuardDb(`ui-action-test-${++n}`);
  await db.open();
  deps = { db, ownId: OWN_ID, extensionOrigin: ORIGIN, onChanged: vi.fn(), log: vi.fn() };
});
afterEach(async () => {
  await db.delete();
});

async function genericLine(): Promise<number> {
  await storeReadings(db, 'movistar-es', [pageReading({ generic: true })], 1_000);
  const line = await db.lines.toCollection().first();
  expect(line?.pendingConfirmation).toBe(true);
  return line!.id;
}

describe('handleUiAction', () => {
  it('confirms a line read by the generic reader', async () => {
    const lineId = await genericLine();
    expect(await handleUiAction({ type: 'confirm-line', lineId }, POPUP, deps)).toEqual({ ok: true });
    expect((await db.lines.get(lineId))?.pendingConfirmation).toBe(false);
    expect(deps.onChanged).toHaveBeenCalled();
  });

  it('discards a line with all its readings', async () => {
    const lineId = await genericLine();
    await storeReadings(db, 'movistar-es', [pageReading({ lineDigits: '0099' })], 1_000);
    expect(await handleUiAction({ type: 'discard-line', lineId }, POPUP, deps)).toEqual({ ok: true });
    expect(await db.lines.count()).toBe(1);
    expect(await db.readings.where('lineId').equals(lineId).count()).toBe(0);
    expect(await db.readings.count()).toBe(1);
  });

  it.each([
    ['a content script on a carrier page', { id: OWN_ID, url: 'https://appweb.movistar.es/home', tab: { id: 1 } }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['a sender without URL', { id: OWN_ID }],
  ])('refuses %s', async (_who, sender) => {
    const lineId = await genericLine();
    expect(await handleUiAction({ type: 'discard-line', lineId }, sender, deps)).toEqual({ ok: false, error: 'untrusted sender' });
    expect(await db.lines.count()).toBe(1);
  });

  it('never throws and never writes on arbitrary input', async () => {
    await genericLine();
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        const reply = await handleUiAction(value, POPUP, deps);
        expect(reply.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect(await db.lines.count()).toBe(1);
    expect((await db.lines.toCollection().first())?.pendingConfirmation).toBe(true);
  });
});

describe('pending confirmation', () => {
  it('is lifted when a carrier adapter reads the same line', async () => {
    const lineId = await genericLine();
    await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: 4 * 1024 ** 3, remainingBytes: 16 * 1024 ** 3 })], 2_000);
    expect((await db.lines.get(lineId))?.pendingConfirmation).toBe(false);
  });
});
