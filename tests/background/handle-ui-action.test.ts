import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleUiAction, type UiActionDeps } from '@/lib/background/handle-ui-action';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { storeReadings } from '@/lib/db/store-readings';
import { UNDO_WINDOW_MS } from '@/lib/background/line-trash';
import { BackupUploads } from '@/lib/background/backup-uploads';
import type { AlertRow } from '@/lib/db/schema';
import { UI_ACTION_TYPES } from '@/lib/messages/ui-actions';
import { LINE_COLORS } from '@/lib/settings/line-colors';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { SETTINGS_KEY } from '@/lib/storage/keys';
import { OVERVIEW_KEY } from '@/lib/storage/keys';
import { GB, pageReading } from '../helpers/readings';
import { memoryArea } from '../helpers/storage-area';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const POPUP = { id: OWN_ID, url: `${ORIGIN}popup.html` };

let db: GuardDb;
let deps: UiActionDeps & { local: ReturnType<typeof memoryArea> };
let n = 0;
let clock = 0;

beforeEach(async () => {
  db = openGuardDb(`ui-action-test-${++n}`);
  await db.open();
  clock = Date.UTC(2026, 10, 20, 10);
  let tokens = 0;
  deps = {
    db,
    ownId: OWN_ID,
    extensionOrigin: ORIGIN,
    onChanged: vi.fn(),
    log: vi.fn(),
    local: memoryArea(),
    now: () => clock,
    newToken: () => `token-${String(++tokens).padStart(4, '0')}`,
    uploads: new BackupUploads(() => clock),
  };
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

describe('the generic reader’s newer figures of a counted line', () => {
  async function withGuess(): Promise<number> {
    await storeReadings(db, 'movistar-es', [pageReading()], 1_000);
    await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: 8 * GB, remainingBytes: 12 * GB, generic: true })], 2_000);
    return (await db.lines.toCollection().first())!.id;
  }

  it('count once the user confirms them', async () => {
    const lineId = await withGuess();
    expect(await handleUiAction({ type: 'confirm-line', lineId }, POPUP, deps)).toEqual({ ok: true });
    expect((await db.readings.toArray()).filter((r) => r.unconfirmed)).toEqual([]);
    expect(await db.readings.count()).toBe(2);
  });

  it('go, and only they, when the user says they are wrong', async () => {
    const lineId = await withGuess();
    expect(await handleUiAction({ type: 'discard-unconfirmed', lineId }, POPUP, deps)).toEqual({ ok: true });
    expect((await db.readings.toArray()).map((r) => r.usedBytes)).toEqual([3 * GB]);
    expect(await db.lines.get(lineId)).toBeDefined();
  });

  it('never let "discard" delete a line the user counts on', async () => {
    const lineId = await withGuess();
    expect(await handleUiAction({ type: 'discard-line', lineId }, POPUP, deps)).toEqual({ ok: false, error: 'malformed action' });
    expect(await db.readings.count()).toBe(2);
  });
});

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

const OPTIONS = { id: OWN_ID, url: `${ORIGIN}options.html` };

async function carrierLine(digits = '0012', t0 = 1_000): Promise<number> {
  await storeReadings(db, 'movistar-es', [pageReading({ lineDigits: digits })], t0);
  await storeReadings(db, 'movistar-es', [pageReading({ lineDigits: digits, usedBytes: 4 * GB, remainingBytes: 16 * GB })], t0 + 1_000);
  return (await db.lines.where('lineKey').equals(`movistar-es:${digits}`).first())!.id;
}

async function addAlert(lineId: number, key: string): Promise<void> {
  await db.alerts.add({ lineId, kind: 'threshold', key, raisedAt: 1_500, heldUntil: null, title: 't', message: 'm' } as AlertRow);
}

const act = (action: unknown, sender = OPTIONS) => handleUiAction(action, sender, deps);

describe('update-line', () => {
  it('renames, recolours, hides and overrides cap and cycle day, then refreshes the overview', async () => {
    const lineId = await carrierLine();
    const patch = { label: 'Work phone', color: LINE_COLORS.teal, hidden: true, capBytes: 25 * GB, cycleDay: 31 };
    expect(await act({ type: 'update-line', lineId, patch })).toEqual({ ok: true });
    expect(await db.lines.get(lineId)).toMatchObject(patch);
    expect(deps.onChanged).toHaveBeenCalledTimes(1);
    expect(await act({ type: 'update-line', lineId, patch: { label: null, color: null, capBytes: null, cycleDay: null } })).toEqual({ ok: true });
    expect(await db.lines.get(lineId)).toMatchObject({ label: null, color: null, hidden: true, capBytes: null, cycleDay: null });
  });

  it.each([
    ['a name over 40 characters', { label: 'x'.repeat(41) }],
    ['an empty name', { label: '' }],
    ['a name with outer spaces', { label: ' Work ' }],
    ['a colour outside the palette', { color: '#ff0000' }],
    ['a fractional cap', { capBytes: 1.5 }],
    ['a cap of zero', { capBytes: 0 }],
    ['a negative cap', { capBytes: -1 }],
    ['cycle day 0', { cycleDay: 0 }],
    ['cycle day 32', { cycleDay: 32 }],
    ['hidden as a string', { hidden: 'yes' }],
    ['an unknown field', { carrierId: 'orange-fr' }],
    ['nothing to change', {}],
  ])('refuses %s and changes nothing', async (_what, patch) => {
    const lineId = await carrierLine();
    const before = await db.lines.get(lineId);
    expect(await act({ type: 'update-line', lineId, patch })).toEqual({ ok: false, error: 'malformed action' });
    expect(await db.lines.get(lineId)).toEqual(before);
    expect(deps.onChanged).not.toHaveBeenCalled();
  });

  it('says so when the line does not exist', async () => {
    expect(await act({ type: 'update-line', lineId: 99, patch: { hidden: false } })).toEqual({ ok: false, error: 'not found' });
  });
});

describe('delete-line and restore-line', () => {
  it('deletes the line with its readings and alerts, and Undo puts every row back as it was', async () => {
    const lineId = await carrierLine();
    const other = await carrierLine('0099');
    await addAlert(lineId, 'threshold:80:0');
    const before = { line: await db.lines.get(lineId), readings: await db.readings.where('lineId').equals(lineId).toArray(), alerts: await db.alerts.toArray() };

    const reply = await act({ type: 'delete-line', lineId });
    expect(reply).toEqual({ ok: true, undo: { token: 'token-0001', expiresAt: clock + UNDO_WINDOW_MS, readings: 2 } });
    expect(await db.lines.get(lineId)).toBeUndefined();
    expect(await db.readings.where('lineId').equals(lineId).count()).toBe(0);
    expect(await db.alerts.count()).toBe(0);
    expect(await db.readings.where('lineId').equals(other).count()).toBe(2);
    expect(deps.onChanged).toHaveBeenCalledTimes(1);
    // The copy waits in the trash table; nothing of it is left on the line's tables.
    expect((await db.trash.toArray()).map((t) => [t.token, t.readings.length])).toEqual([['token-0001', 2]]);

    expect(await act({ type: 'restore-line', token: 'token-0001' })).toEqual({ ok: true });
    expect(await db.lines.get(lineId)).toEqual(before.line);
    expect(await db.readings.where('lineId').equals(lineId).toArray()).toEqual(before.readings);
    expect(await db.alerts.toArray()).toEqual(before.alerts);
    expect(await db.trash.count()).toBe(0);
    expect(deps.onChanged).toHaveBeenCalledTimes(2);
    // A ticket works once.
    expect(await act({ type: 'restore-line', token: 'token-0001' })).toEqual({ ok: false, error: 'undo expired' });
  });

  it('lets Undo lapse after the window, and a later delete clears the lapsed copy', async () => {
    const lineId = await carrierLine();
    await act({ type: 'delete-line', lineId });
    clock += UNDO_WINDOW_MS + 1;
    expect(await act({ type: 'restore-line', token: 'token-0001' })).toEqual({ ok: false, error: 'undo expired' });
    expect(await db.lines.count()).toBe(0);
    await act({ type: 'delete-line', lineId: await carrierLine('0099') });
    expect((await db.trash.toArray()).map((t) => t.token)).toEqual(['token-0002']);
  });

  it('merges into the line a carrier page re-created meanwhile, without duplicating a figure', async () => {
    const lineId = await carrierLine();
    await act({ type: 'update-line', lineId, patch: { label: 'Mine' } });
    await act({ type: 'delete-line', lineId });
    await storeReadings(db, 'movistar-es', [pageReading({ usedBytes: 5 * GB, remainingBytes: 15 * GB })], 3_000);
    expect(await act({ type: 'restore-line', token: 'token-0001' })).toEqual({ ok: true });
    const lines = await db.lines.toArray();
    expect(lines).toHaveLength(1);
    expect(lines[0]!.label).toBe('Mine');
    expect((await db.readings.orderBy('capturedAt').toArray()).map((r) => [r.lineId, r.capturedAt])).toEqual([
      [lines[0]!.id, 1_000],
      [lines[0]!.id, 2_000],
      [lines[0]!.id, 3_000],
    ]);
  });

  it('keeps Undo for a line with a long history (40,000 readings)', async () => {
    const lineId = await carrierLine();
    const rows = Array.from({ length: 40_000 }, (_, i) => ({ ...pageReading(), lineId, capturedAt: 10_000 + i * 60_000, confirmedAt: 10_000 + i * 60_000, usedBytes: i, remainingBytes: 20 * GB - i, overage: false, source: 'page', generic: false }));
    await db.readings.bulkAdd(rows as never);
    const count = await db.readings.where('lineId').equals(lineId).count();
    const reply = await act({ type: 'delete-line', lineId });
    expect(reply).toMatchObject({ ok: true, undo: { token: 'token-0001', readings: count } });
    expect(await act({ type: 'restore-line', token: 'token-0001' })).toEqual({ ok: true });
    expect(await db.readings.where('lineId').equals(lineId).count()).toBe(count);
  });

  it('deletes nothing and keeps no copy when the copy cannot be written', async () => {
    const lineId = await carrierLine();
    const before = await db.readings.count();
    const add = db.trash.add.bind(db.trash);
    db.trash.add = (() => Promise.reject(new DOMException('full', 'QuotaExceededError'))) as never;
    expect(await act({ type: 'delete-line', lineId })).toEqual({ ok: false, error: 'storage failed' });
    db.trash.add = add;
    expect(await db.lines.get(lineId)).toBeDefined();
    expect(await db.readings.count()).toBe(before);
  });

  it.each([
    ['a missing line', { type: 'delete-line', lineId: 5 }, 'not found'],
    ['a made-up token', { type: 'restore-line', token: 'token-9999' }, 'undo expired'],
  ])('answers %s', async (_what, action, error) => {
    expect(await act(action)).toEqual({ ok: false, error });
  });

  it.each([['a token with odd characters', 'abc/../../x'], ['a short token', 'abc']])('refuses %s', async (_what, token) => {
    expect(await act({ type: 'restore-line', token })).toEqual({ ok: false, error: 'malformed action' });
  });
});

describe('add-manual-reading', () => {
  const manual = (overrides: Record<string, unknown> = {}) => ({
    type: 'add-manual-reading',
    target: { kind: 'new', name: 'Travel eSIM' },
    usedBytes: 2 * GB,
    totalBytes: 10 * GB,
    unlimited: false,
    periodEnd: Date.UTC(2026, 11, 1),
    ...overrides,
  });

  it('creates a named manual line with a manual reading, then adds to it', async () => {
    const reply = await act(manual());
    expect(reply).toMatchObject({ ok: true });
    const lineId = (reply as { lineId: number }).lineId;
    expect(await db.lines.get(lineId)).toMatchObject({ carrierId: 'manual', label: 'Travel eSIM', planName: 'Travel eSIM', pendingConfirmation: false });
    expect(await db.readings.where('lineId').equals(lineId).toArray()).toEqual([
      expect.objectContaining({ source: 'manual', usedBytes: 2 * GB, totalBytes: 10 * GB, remainingBytes: 8 * GB, periodEnd: Date.UTC(2026, 11, 1), capturedAt: clock }),
    ]);
    clock += 3_600_000;
    expect(await act(manual({ target: { kind: 'existing', lineId }, usedBytes: 3 * GB }))).toEqual({ ok: true, lineId });
    // Renaming the line does not split its history.
    await act({ type: 'update-line', lineId, patch: { label: 'Japan trip' } });
    expect(await act(manual({ target: { kind: 'existing', lineId }, usedBytes: 4 * GB }))).toEqual({ ok: true, lineId });
    expect(await db.readings.where('lineId').equals(lineId).count()).toBe(3);
    expect(await db.lines.count()).toBe(1);
    expect(deps.onChanged).toHaveBeenCalledTimes(4);
  });

  it('stores an unlimited plan without a total', async () => {
    const reply = await act(manual({ totalBytes: null, unlimited: true, periodEnd: null }));
    expect(reply.ok).toBe(true);
    expect(await db.readings.toCollection().first()).toMatchObject({ unlimited: true, totalBytes: null, remainingBytes: null, source: 'manual' });
  });

  it('never adds typed figures to a line a carrier page reads', async () => {
    const lineId = await carrierLine();
    expect(await act(manual({ target: { kind: 'existing', lineId } }))).toEqual({ ok: false, error: 'not a manual line' });
    expect(await act(manual({ target: { kind: 'existing', lineId: 77 } }))).toEqual({ ok: false, error: 'not found' });
    expect(await db.readings.count()).toBe(2);
  });

  it.each([
    ['a total and unlimited', { unlimited: true }],
    ['neither a total nor unlimited', { totalBytes: null }],
    ['negative use', { usedBytes: -1 }],
    ['fractional bytes', { usedBytes: 1.25 }],
    ['a period end in seconds', { periodEnd: 1_790_000_000 }],
    ['a blank name', { target: { kind: 'new', name: '' } }],
    ['a long name', { target: { kind: 'new', name: 'n'.repeat(41) } }],
    ['a bucket of its own', { bucket: 'roaming' }],
  ])('refuses %s', async (_what, overrides) => {
    expect(await act(manual(overrides))).toEqual({ ok: false, error: 'malformed action' });
    expect(await db.lines.count()).toBe(0);
  });
});

describe('save-settings', () => {
  it('writes valid settings to storage.local and refreshes the overview', async () => {
    const settings = { ...DEFAULT_SETTINGS, thresholds: [60, 85, 100], language: 'fr', staleReadingDays: 3 };
    expect(await act({ type: 'save-settings', settings })).toEqual({ ok: true });
    expect(deps.local.data.get(SETTINGS_KEY)).toEqual(settings);
    expect(deps.onChanged).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['descending thresholds', { thresholds: [90, 50] }],
    ['a threshold of 0', { thresholds: [0, 50] }],
    ['a language we do not ship', { language: 'de' }],
    ['a malformed quiet-hours time', { quietHours: { enabled: true, start: '25:00', end: '07:00' } }],
    ['an extra field', { theme: 'dark' }],
  ])('refuses %s', async (_what, overrides) => {
    expect(await act({ type: 'save-settings', settings: { ...DEFAULT_SETTINGS, ...overrides } })).toEqual({ ok: false, error: 'malformed action' });
    expect(deps.local.data.has(SETTINGS_KEY)).toBe(false);
  });
});

describe('delete-everything', () => {
  it('wipes lines, readings, alerts, the overview and any Undo copy, and keeps the settings', async () => {
    const lineId = await carrierLine();
    await carrierLine('0099');
    await addAlert(lineId, 'k');
    await act({ type: 'delete-line', lineId });
    await deps.local.set({ [OVERVIEW_KEY]: { version: 2 }, [SETTINGS_KEY]: DEFAULT_SETTINGS });
    expect(await act({ type: 'delete-everything', confirm: 'delete-everything' })).toEqual({ ok: true });
    expect([await db.lines.count(), await db.readings.count(), await db.alerts.count()]).toEqual([0, 0, 0]);
    expect(deps.local.data.has(OVERVIEW_KEY)).toBe(false);
    expect(deps.local.data.get(SETTINGS_KEY)).toEqual(DEFAULT_SETTINGS);
    expect(await db.trash.count()).toBe(0);
  });

  it('needs the confirmation phrase', async () => {
    await carrierLine();
    expect(await act({ type: 'delete-everything' })).toEqual({ ok: false, error: 'malformed action' });
    expect(await act({ type: 'delete-everything', confirm: 'yes' })).toEqual({ ok: false, error: 'malformed action' });
    expect(await db.lines.count()).toBe(1);
  });
});

describe('every UI action', () => {
  const valid: Record<string, (lineId: number) => unknown> = {
    'database-ready': () => ({ type: 'database-ready' }),
    'check-now': () => ({ type: 'check-now' }),
    'confirm-line': (lineId) => ({ type: 'confirm-line', lineId }),
    'discard-line': (lineId) => ({ type: 'discard-line', lineId }),
    'discard-unconfirmed': (lineId) => ({ type: 'discard-unconfirmed', lineId }),
    'update-line': (lineId) => ({ type: 'update-line', lineId, patch: { label: 'x' } }),
    'delete-line': (lineId) => ({ type: 'delete-line', lineId }),
    'restore-line': () => ({ type: 'restore-line', token: 'token-0001' }),
    'add-manual-reading': () => ({ type: 'add-manual-reading', target: { kind: 'new', name: 'x' }, usedBytes: 1, totalBytes: 2, unlimited: false, periodEnd: null }),
    'save-settings': () => ({ type: 'save-settings', settings: { ...DEFAULT_SETTINGS, thresholds: [10] } }),
    'delete-everything': () => ({ type: 'delete-everything', confirm: 'delete-everything' }),
    'import-part': () => ({ type: 'import-part', uploadId: 'upload-0001', index: 0, count: 1, text: '{}' }),
    'import-backup': () => ({ type: 'import-backup', text: '{}', apply: true }),
  };

  it('has a sample here', () => {
    expect(Object.keys(valid).sort()).toEqual([...UI_ACTION_TYPES].sort());
  });

  it.each([...UI_ACTION_TYPES])('%s is refused from a carrier page, another extension or a web page, touching nothing', async (type) => {
    const lineId = await carrierLine();
    const snapshot = async () => [await db.lines.toArray(), await db.readings.toArray(), [...deps.local.data], await db.trash.toArray()];
    const before = await snapshot();
    for (const sender of [
      { id: OWN_ID, url: 'https://appweb.movistar.es/home', tab: { id: 1 } },
      { id: 'other', url: 'chrome-extension://other/options.html' },
      { url: `${ORIGIN}options.html` },
      { id: OWN_ID, url: `https://evil.example/${ORIGIN}` },
    ]) {
      expect(await handleUiAction(valid[type]!(lineId), sender, deps)).toEqual({ ok: false, error: 'untrusted sender' });
    }
    expect(await snapshot()).toEqual(before);
    expect(deps.onChanged).not.toHaveBeenCalled();
  });

  it('never throws and never writes on arbitrary payloads of a known type', async () => {
    const lineId = await carrierLine();
    const before = [await db.lines.toArray(), await db.readings.toArray()];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...UI_ACTION_TYPES),
        fc.dictionary(fc.string(), fc.anything()),
        fc.oneof(fc.constant(undefined), fc.anything(), fc.record({ label: fc.string(), color: fc.string(), capBytes: fc.double(), cycleDay: fc.integer() }, { requiredKeys: [] })),
        async (type, rest, patch) => {
          const message = { ...rest, type, lineId: lineId + 1000, patch, settings: patch, text: 'not json', apply: false };
          const reply = await act(message);
          expect(reply.ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
    expect([await db.lines.toArray(), await db.readings.toArray()]).toEqual(before);
    expect(deps.local.data.size).toBe(0);
  });
});

describe('import-backup', () => {
  async function exported(): Promise<string> {
    const { exportBackup, loadBackupSource } = await import('@/lib/backup');
    return JSON.stringify(exportBackup(await loadBackupSource(db), clock));
  }
  const T0 = Date.UTC(2026, 10, 1);
  const rows = async () => [await db.lines.toArray(), await db.readings.toArray()];

  it('previews the counts without writing, then applies exactly that', async () => {
    const first = await carrierLine('0012', T0);
    await carrierLine('0099', T0);
    const text = await exported();
    // Keep one line and one of its readings here: the preview must find them already saved.
    await act({ type: 'delete-line', lineId: first });
    await db.readings.where('lineId').notEqual(first).limit(1).delete();
    const before = await rows();

    const preview = await act({ type: 'import-backup', text, apply: false });
    expect(preview).toEqual({ ok: true, applied: false, counts: { lines: 2, newLines: 1, readings: 4, newReadings: 3, duplicateReadings: 1, futureReadings: 0 } });
    expect(await rows()).toEqual(before);

    const applied = await act({ type: 'import-backup', text, apply: true });
    expect(applied).toEqual({ ok: true, applied: true, counts: (preview as { counts: unknown }).counts });
    expect(await db.lines.count()).toBe(2);
    expect(await db.readings.count()).toBe(4);
    // Importing the same file again adds nothing.
    expect(await act({ type: 'import-backup', text, apply: true })).toMatchObject({ counts: { newLines: 0, newReadings: 0, duplicateReadings: 4 } });
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['a truncated file', '{"format":"esim-usage-guard-backup","version":1,"lines":[', /cut short|truncated/],
    ['another JSON file', '{"name":"package"}', /not an eSIM Usage Guard backup/],
    ['an empty file', '', /empty/],
  ])('refuses %s with a clear reason, touching nothing', async (_what, text, reason) => {
    await carrierLine();
    const before = await rows();
    for (const apply of [false, true]) {
      const reply = await act({ type: 'import-backup', text, apply });
      expect(reply).toMatchObject({ ok: false, error: 'invalid backup' });
      expect((reply as { detail: string }).detail).toMatch(reason);
    }
    expect(await rows()).toEqual(before);
    expect(deps.onChanged).not.toHaveBeenCalled();
  });

  it('refuses a damaged reading inside an otherwise good file', async () => {
    await carrierLine('0012', T0);
    const file = JSON.parse(await exported());
    file.series[0].usedBytes[1] = -5;
    await act({ type: 'delete-everything', confirm: 'delete-everything' });
    const reply = await act({ type: 'import-backup', text: JSON.stringify(file), apply: true });
    expect(reply).toMatchObject({ ok: false, error: 'invalid backup' });
    expect(await db.lines.count()).toBe(0);
  });
});
