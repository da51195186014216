import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LineRow } from '@/lib/db/schema';
import type { UiAction } from '@/lib/messages/ui-actions';
import { createOptionsModel, type OptionsDeps } from '@/lib/state/options-model';
import type { OverviewSource } from '@/lib/state/popup-model';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { SETTINGS_KEY } from '@/lib/storage/keys';

type Listener = Parameters<OverviewSource['onChanged']['addListener']>[0];
const flush = () => new Promise((r) => setTimeout(r, 0));
const counts = { lines: 1, newLines: 1, readings: 2, newReadings: 2, duplicateReadings: 0, futureReadings: 0 };

function setup(replies: Partial<Record<UiAction['type'], unknown>> = {}, stored: unknown = undefined) {
  const listeners = new Set<Listener>();
  let pushLines: (lines: LineRow[]) => void = () => {};
  const stopLines = vi.fn();
  const sent: UiAction[] = [];
  let now = 1_000;
  const deps: OptionsDeps = {
    send: (async (action: UiAction) => {
      sent.push(action);
      return replies[action.type] ?? { ok: true };
    }) as OptionsDeps['send'],
    settingsSource: {
      get: async () => (stored === undefined ? {} : { [SETTINGS_KEY]: stored }),
      onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
    },
    watchLines: (onLines) => {
      pushLines = onLines;
      return stopLines;
    },
    storageManager: {
      estimate: async () => ({ usage: 10, quota: 100 }),
      persisted: async () => false,
      persist: vi.fn(async () => true),
    },
    exportData: vi.fn(async (format: 'json' | 'csv') => ({ filename: `x.${format}`, mime: 'text/plain', parts: ['da', 'ta'] })),
    download: vi.fn(),
    now: () => now,
  };
  const model = createOptionsModel(deps);
  return { model, deps, sent, listeners, stopLines, pushLines: (l: LineRow[]) => pushLines(l), tick: (ms: number) => (now += ms) };
}

afterEach(() => vi.useRealTimers());

describe('createOptionsModel', () => {
  it('reads the stored settings over the defaults and follows changes', async () => {
    const { model, listeners } = setup({}, { thresholds: [70, 95], language: 'fr' });
    await flush();
    expect(model.settings.value).toEqual({ ...DEFAULT_SETTINGS, thresholds: [70, 95], language: 'fr' });
    listeners.forEach((l) => l({ [SETTINGS_KEY]: { newValue: { language: 'es' } } }));
    expect(model.settings.value?.language).toBe('es');
  });

  it('lists lines oldest first and stops watching when disposed', () => {
    const { model, pushLines, stopLines, listeners } = setup();
    pushLines([{ id: 2, createdAt: 5 } as LineRow, { id: 1, createdAt: 9 } as LineRow]);
    expect(model.lines.value?.map((l) => l.id)).toEqual([2, 1]);
    model.dispose();
    expect(stopLines).toHaveBeenCalled();
    expect(listeners.size).toBe(0);
  });

  it('saves settings through the background and says so', async () => {
    const { model, sent } = setup();
    const next = { ...DEFAULT_SETTINGS, thresholds: [60] };
    expect(await model.saveSettings(next)).toBe(true);
    expect(sent).toEqual([{ type: 'save-settings', settings: next }]);
    expect(model.settings.value).toEqual(next);
    expect(model.notice.value).toEqual({ tone: 'ok', key: 'opt_saved' });
  });

  it('words a refusal in the user’s language and keeps the settings', async () => {
    const { model } = setup({ 'save-settings': { ok: false, error: 'malformed action' } });
    await flush();
    expect(await model.saveSettings({ ...DEFAULT_SETTINGS, thresholds: [60] })).toBe(false);
    expect(model.settings.value).toEqual(DEFAULT_SETTINGS);
    expect(model.notice.value).toEqual({ tone: 'problem', key: 'opt_error_invalid' });
  });

  it('treats a failed message (background asleep, extension reloaded) as a storage failure', async () => {
    const { model, deps } = setup();
    deps.send = async () => {
      throw new Error('Could not establish connection');
    };
    // The model captured deps.send by reference at creation: re-create with the failing one.
    const failing = createOptionsModel(deps);
    expect(await failing.updateLine(1, { hidden: true })).toBe(false);
    expect(failing.notice.value).toEqual({ tone: 'problem', key: 'opt_error_storage' });
    model.dispose();
  });

  it('offers Undo after a delete until the ticket expires, and restores with it', async () => {
    vi.useFakeTimers();
    const { model, sent, tick } = setup({ 'delete-line': { ok: true, undo: { token: 'tok-12345', expiresAt: 1_000 + 600_000, readings: 3 } } });
    expect(await model.deleteLine(4, 'Work')).toBe(true);
    expect(model.undo.value).toEqual({ token: 'tok-12345', expiresAt: 601_000, name: 'Work' });
    expect(model.notice.value).toEqual({ tone: 'ok', key: 'opt_line_deleted', params: { name: 'Work' } });
    expect(await model.undoDelete()).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'restore-line', token: 'tok-12345' });
    expect(model.undo.value).toBeNull();
    expect(model.notice.value).toEqual({ tone: 'ok', key: 'opt_line_restored', params: { name: 'Work' } });

    await model.deleteLine(4, 'Work');
    tick(600_000);
    vi.advanceTimersByTime(600_001);
    expect(model.undo.value).toBeNull();
  });

  it('previews an import, then applies the same text on confirm', async () => {
    const { model, sent } = setup({ 'import-backup': { ok: true, applied: false, counts } });
    await model.previewImport('b.json', '{"a":1}');
    expect(model.importState.value).toEqual({ phase: 'preview', fileName: 'b.json', file: { text: '{"a":1}', uploadId: null }, counts });
    await model.confirmImport();
    expect(sent).toEqual([
      { type: 'import-backup', text: '{"a":1}', apply: false },
      { type: 'import-backup', text: '{"a":1}', apply: true },
    ]);
    expect(model.importState.value).toEqual({ phase: 'done', counts });
  });

  it('shows why a file was refused, and cancel forgets the file', async () => {
    const { model, sent } = setup({ 'import-backup': { ok: false, error: 'invalid backup', detail: 'The file is empty.' } });
    await model.previewImport('e.json', '');
    expect(model.importState.value).toEqual({ phase: 'error', fileName: 'e.json', detail: 'The file is empty.' });
    await model.confirmImport();
    expect(sent).toHaveLength(1);
    model.cancelImport();
    expect(model.importState.value).toEqual({ phase: 'idle' });
  });

  it('deletes everything with the confirmation phrase and drops a pending Undo', async () => {
    const { model, sent } = setup({ 'delete-line': { ok: true, undo: { token: 'tok-12345', expiresAt: 9e12, readings: 1 } } });
    await model.deleteLine(1, 'x');
    expect(await model.deleteEverything()).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'delete-everything', confirm: 'delete-everything' });
    expect(model.undo.value).toBeNull();
  });

  it('exports through lib/backup and downloads the file', async () => {
    const { model, deps } = setup();
    await model.exportData('csv');
    expect(deps.download).toHaveBeenCalledWith({ filename: 'x.csv', mime: 'text/plain', parts: ['da', 'ta'] });
  });

  it('reads storage use and asks for persistence, showing the answer', async () => {
    const { model, deps } = setup();
    await model.refreshStorage();
    expect(model.storage.value).toEqual({ usage: 10, quota: 100, persisted: false });
    await model.persistStorage();
    expect(deps.storageManager!.persist).toHaveBeenCalled();
    expect(model.storage.value?.persisted).toBe(true);
    expect(model.notice.value).toEqual({ tone: 'ok', key: 'opt_persist_granted' });
  });

  it('adds a manual reading', async () => {
    const { model, sent } = setup({ 'add-manual-reading': { ok: true, lineId: 3 } });
    const input = { target: { kind: 'new' as const, name: 'Trip' }, usedBytes: 1, totalBytes: 2, unlimited: false, periodEnd: null };
    expect(await model.addManualReading(input)).toBe(true);
    expect(sent).toEqual([{ type: 'add-manual-reading', ...input }]);
  });
});
