import { signal, type ReadonlySignal } from '@preact/signals';
import type { LineRow } from '../db/schema';
import type { MessageKey } from '../i18n/translator';
import type { ImportCounts, LinePatch, UiAction, UiActionError, UiActionReply, UiActionType } from '../messages/ui-actions';
import { SETTINGS_KEY } from '../storage/keys';
import { settingsFrom, type Settings } from '../settings/schema';
import { outgoingBackup, sendBackup, type OutgoingBackup } from './backup-sender';
import type { OverviewSource } from './popup-model';

/** A short message for the page's live region, worded by the component in the user's language. */
export interface Notice {
  tone: 'ok' | 'problem';
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface PendingUndo {
  token: string;
  expiresAt: number;
  name: string;
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'checking'; fileName: string }
  | { phase: 'preview'; fileName: string; file: OutgoingBackup; counts: ImportCounts }
  | { phase: 'importing'; fileName: string }
  | { phase: 'done'; counts: ImportCounts }
  | { phase: 'error'; fileName: string; detail: string };

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export interface ExportFile {
  filename: string;
  mime: string;
  /** The file as pieces (a Blob's parts): a large backup never becomes one string. */
  parts: string[];
}

export interface ManualReadingInput {
  target: { kind: 'existing'; lineId: number } | { kind: 'new'; name: string };
  usedBytes: number;
  totalBytes: number | null;
  unlimited: boolean;
  periodEnd: number | null;
}

export interface OptionsDeps {
  send<T extends UiActionType>(action: Extract<UiAction, { type: T }>): Promise<UiActionReply<T>>;
  /** `storage.local`, read for the settings (written only by the background). */
  settingsSource: OverviewSource;
  /** Live list of every line, hidden ones included (Dexie liveQuery in the page). */
  watchLines(onLines: (lines: LineRow[]) => void, onError: (error: unknown) => void): () => void;
  /** `navigator.storage`, when the browser has it. */
  storageManager: Pick<StorageManager, 'estimate' | 'persist' | 'persisted'> | null;
  exportData(format: 'json' | 'csv'): Promise<ExportFile>;
  download(file: ExportFile): void;
  now(): number;
  /** A fresh id for a backup sent in pieces. */
  newId?: () => string;
}

export interface OptionsModel {
  settings: ReadonlySignal<Settings | null>;
  lines: ReadonlySignal<LineRow[] | null>;
  notice: ReadonlySignal<Notice | null>;
  undo: ReadonlySignal<PendingUndo | null>;
  importState: ReadonlySignal<ImportState>;
  storage: ReadonlySignal<StorageInfo | null>;
  error: ReadonlySignal<string | null>;
  saveSettings(settings: Settings): Promise<boolean>;
  updateLine(lineId: number, patch: LinePatch): Promise<boolean>;
  deleteLine(lineId: number, name: string): Promise<boolean>;
  undoDelete(): Promise<boolean>;
  addManualReading(input: ManualReadingInput): Promise<boolean>;
  previewImport(fileName: string, text: string): Promise<void>;
  confirmImport(): Promise<void>;
  cancelImport(): void;
  deleteEverything(): Promise<boolean>;
  exportData(format: 'json' | 'csv'): Promise<void>;
  refreshStorage(): Promise<void>;
  persistStorage(): Promise<void>;
  dispose(): void;
}

/** The background answers with stable codes; the page words them in the user's language. */
const ERROR_KEYS: Record<UiActionError, MessageKey> = {
  'untrusted sender': 'opt_error_storage',
  'malformed action': 'opt_error_invalid',
  'storage failed': 'opt_error_storage',
  'not found': 'opt_error_not_found',
  'undo expired': 'opt_error_undo_expired',
  'not a manual line': 'opt_error_invalid',
  'invalid backup': 'opt_error_invalid',
  'upload lost': 'opt_error_upload_lost',
  'upload refused': 'opt_error_upload_lost',
};

type ChangeListener = Parameters<OverviewSource['onChanged']['addListener']>[0];

/** The options page's state. Reads come straight from storage and IndexedDB; every write is a message to the background. */
export function createOptionsModel(deps: OptionsDeps): OptionsModel {
  const settings = signal<Settings | null>(null);
  const lines = signal<LineRow[] | null>(null);
  const notice = signal<Notice | null>(null);
  const undo = signal<PendingUndo | null>(null);
  const importState = signal<ImportState>({ phase: 'idle' });
  const storage = signal<StorageInfo | null>(null);
  const error = signal<string | null>(null);
  let undoTimer: ReturnType<typeof setTimeout> | undefined;

  const onChanged: ChangeListener = (changes) => {
    if (SETTINGS_KEY in changes) settings.value = settingsFrom(changes[SETTINGS_KEY]?.newValue);
  };
  deps.settingsSource.onChanged.addListener(onChanged);
  deps.settingsSource
    .get(SETTINGS_KEY)
    .then((stored) => (settings.value = settingsFrom(stored[SETTINGS_KEY])))
    .catch((e: unknown) => (error.value = String(e)));
  const stopLines = deps.watchLines(
    (rows) => (lines.value = [...rows].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)),
    (e) => (error.value = e instanceof Error ? e.message : String(e)),
  );

  const failed = (reply: { ok: false; error: UiActionError }): false => {
    notice.value = { tone: 'problem', key: ERROR_KEYS[reply.error] };
    return false;
  };
  const sent = async <T extends UiActionType>(action: Extract<UiAction, { type: T }>): Promise<UiActionReply<T>> => {
    try {
      return await deps.send(action);
    } catch (e) {
      return { ok: false, error: 'storage failed', detail: String(e) };
    }
  };

  return {
    settings,
    lines,
    notice,
    undo,
    importState,
    storage,
    error,
    async saveSettings(next) {
      const reply = await sent({ type: 'save-settings', settings: next });
      if (!reply.ok) return failed(reply);
      // Shown at once; storage.onChanged confirms the same value a moment later.
      settings.value = next;
      notice.value = { tone: 'ok', key: 'opt_saved' };
      return true;
    },
    async updateLine(lineId, patch) {
      const reply = await sent({ type: 'update-line', lineId, patch });
      if (!reply.ok) return failed(reply);
      notice.value = { tone: 'ok', key: 'opt_saved' };
      return true;
    },
    async deleteLine(lineId, name) {
      const reply = await sent({ type: 'delete-line', lineId });
      if (!reply.ok) return failed(reply);
      clearTimeout(undoTimer);
      if (reply.undo) {
        undo.value = { token: reply.undo.token, expiresAt: reply.undo.expiresAt, name };
        undoTimer = setTimeout(() => (undo.value = null), Math.max(0, reply.undo.expiresAt - deps.now()));
      } else {
        undo.value = null;
      }
      notice.value = { tone: 'ok', key: 'opt_line_deleted', params: { name } };
      return true;
    },
    async undoDelete() {
      const pending = undo.value;
      if (!pending) return false;
      const reply = await sent({ type: 'restore-line', token: pending.token });
      undo.value = null;
      clearTimeout(undoTimer);
      if (!reply.ok) return failed(reply);
      notice.value = { tone: 'ok', key: 'opt_line_restored', params: { name: pending.name } };
      return true;
    },
    async addManualReading(input) {
      const reply = await sent({ type: 'add-manual-reading', ...input });
      if (!reply.ok) return failed(reply);
      notice.value = { tone: 'ok', key: 'opt_manual_saved' };
      return true;
    },
    async previewImport(fileName, text) {
      importState.value = { phase: 'checking', fileName };
      const file = outgoingBackup(text, deps.newId ?? (() => crypto.randomUUID()));
      const reply = await sendBackup(sent, file, false);
      importState.value = reply.ok
        ? { phase: 'preview', fileName, file, counts: reply.counts }
        : { phase: 'error', fileName, detail: reply.error === 'invalid backup' ? (reply.detail ?? '') : reply.error };
    },
    async confirmImport() {
      const state = importState.value;
      if (state.phase !== 'preview') return;
      importState.value = { phase: 'importing', fileName: state.fileName };
      const reply = await sendBackup(sent, state.file, true);
      importState.value = reply.ok
        ? { phase: 'done', counts: reply.counts }
        : { phase: 'error', fileName: state.fileName, detail: reply.error === 'invalid backup' ? (reply.detail ?? '') : reply.error };
    },
    cancelImport() {
      importState.value = { phase: 'idle' };
    },
    async deleteEverything() {
      const reply = await sent({ type: 'delete-everything', confirm: 'delete-everything' });
      if (!reply.ok) return failed(reply);
      undo.value = null;
      notice.value = { tone: 'ok', key: 'opt_everything_deleted' };
      return true;
    },
    async exportData(format) {
      try {
        deps.download(await deps.exportData(format));
        notice.value = { tone: 'ok', key: 'opt_exported' };
      } catch (e) {
        notice.value = { tone: 'problem', key: 'opt_error_export', params: { error: e instanceof Error ? e.message : String(e) } };
      }
    },
    async refreshStorage() {
      const manager = deps.storageManager;
      if (!manager) return;
      const [estimate, persisted] = await Promise.all([
        manager.estimate().catch(() => ({}) as StorageEstimate),
        manager.persisted().catch(() => null),
      ]);
      storage.value = { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
    },
    async persistStorage() {
      const manager = deps.storageManager;
      if (!manager) return;
      const granted = await manager.persist().catch(() => false);
      storage.value = { ...(storage.value ?? { usage: null, quota: null }), persisted: granted };
      notice.value = granted ? { tone: 'ok', key: 'opt_persist_granted' } : { tone: 'problem', key: 'opt_persist_denied' };
    },
    dispose() {
      deps.settingsSource.onChanged.removeListener(onChanged);
      stopLines();
      clearTimeout(undoTimer);
    },
  };
}
