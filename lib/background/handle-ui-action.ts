import { browser } from 'wxt/browser';
import type { GuardDb } from '../db/schema';
import type { SenderInfo } from '../messages/sender';
import { uiActionSchema, type UiAction, type UiActionReply } from '../messages/ui-actions';
import { SETTINGS_KEY } from '../storage/keys';
import { OVERVIEW_KEY } from '../storage/keys';
import type { BackupUploads } from './backup-uploads';
import { importBackup } from './import-backup';
import { moveToTrash, pruneTrash, removeLine, restoreFromTrash, UNDO_WINDOW_MS } from './line-trash';
import { addManualReading } from './manual-reading';
import type { StorageAreaLike } from './storage-area';

export interface UiActionDeps {
  db: GuardDb;
  ownId: string;
  /** `browser.runtime.getURL('')`: the origin our own pages are served from. */
  extensionOrigin: string;
  onChanged: () => Promise<void> | void;
  log: (message: string, detail?: unknown) => void;
  /** `storage.local`: settings and the overview snapshot. Default: the browser's. */
  local?: StorageAreaLike;
  now?: () => number;
  newToken?: () => string;
  /** Pieces of large backup files on their way in (see backup-uploads.ts): one store for the worker's life. */
  uploads: BackupUploads;
  /** Starts "Check now" (lib/checks); absent where there are no checks (tests of other actions). */
  checkNow?: () => Promise<void>;
}

type Resolved = Required<Omit<UiActionDeps, 'checkNow'>> & Pick<UiActionDeps, 'checkNow'>;

function withDefaults(deps: UiActionDeps): Resolved {
  return {
    ...deps,
    local: deps.local ?? browser.storage.local,
    now: deps.now ?? Date.now,
    newToken: deps.newToken ?? (() => crypto.randomUUID()),
  };
}

/** Only our own pages (popup, options) may change data; a content script or a web page may not. */
export function isExtensionPage(sender: SenderInfo, ownId: string, extensionOrigin: string): boolean {
  return sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

export async function handleUiAction(message: unknown, sender: SenderInfo, deps: UiActionDeps): Promise<UiActionReply> {
  try {
    if (!isExtensionPage(sender, deps.ownId, deps.extensionOrigin)) {
      deps.log('Refused a UI action from outside the extension', { url: sender.url });
      return { ok: false, error: 'untrusted sender' };
    }
    const parsed = uiActionSchema.safeParse(message);
    if (!parsed.success) {
      deps.log('Rejected a malformed UI action', parsed.error.issues.map((i) => i.message));
      return { ok: false, error: 'malformed action' };
    }
    const reply = await apply(parsed.data, withDefaults(deps));
    // Every successful change is followed by the overview (and badge) rebuilt from the database.
    if (reply.ok && CHANGES_NOTHING.has(parsed.data.type) === false) await deps.onChanged();
    return reply;
  } catch (error) {
    deps.log('Could not apply a UI action', error);
    return { ok: false, error: 'storage failed' };
  }
}

/** Actions that only read: no rebuild follows them. */
const CHANGES_NOTHING: ReadonlySet<UiAction['type']> = new Set(['database-ready', 'import-part', 'check-now']);

async function apply(action: UiAction, deps: Resolved): Promise<UiActionReply> {
  const { db } = deps;
  switch (action.type) {
    case 'check-now':
      if (!deps.checkNow) return { ok: false, error: 'not found' };
      // The round runs on in the background (the popup may close); its state is in storage.session.
      await deps.checkNow();
      return { ok: true };
    case 'database-ready':
      // Creates the database or runs its upgrades (only here, in the background), then answers.
      await db.open();
      return { ok: true };
    case 'confirm-line': {
      const found = await db.transaction('rw', db.lines, db.readings, async () => {
        if (!(await db.lines.get(action.lineId))) return false;
        await db.lines.update(action.lineId, { pendingConfirmation: false });
        await unconfirmedOf(db, action.lineId).modify((r) => void delete r.unconfirmed);
        return true;
      });
      return found ? { ok: true } : { ok: false, error: 'not found' };
    }
    case 'discard-line': {
      // Only a line nobody has confirmed yet may be discarded this way (a stale popup must never
      // delete a line the user counts on: that is delete-line, with its Undo).
      const line = await db.lines.get(action.lineId);
      if (!line) return { ok: false, error: 'not found' };
      if (!line.pendingConfirmation) return { ok: false, error: 'malformed action' };
      await removeLine(db, action.lineId);
      return { ok: true };
    }
    case 'discard-unconfirmed':
      if (!(await db.lines.get(action.lineId))) return { ok: false, error: 'not found' };
      await unconfirmedOf(db, action.lineId).delete();
      return { ok: true };
    case 'update-line': {
      const updated = await db.lines.update(action.lineId, action.patch);
      if (updated === 0 && !(await db.lines.get(action.lineId))) return { ok: false, error: 'not found' };
      return { ok: true };
    }
    case 'delete-line': {
      const now = deps.now();
      const token = deps.newToken();
      const expiresAt = now + UNDO_WINDOW_MS;
      const removed = await moveToTrash(db, action.lineId, token, expiresAt, now);
      if (!removed) return { ok: false, error: 'not found' };
      return { ok: true, undo: { token, expiresAt, readings: removed.readings.length } };
    }
    case 'restore-line': {
      const restored = await restoreFromTrash(db, action.token, deps.now());
      return restored === null ? { ok: false, error: 'undo expired' } : { ok: true };
    }
    case 'add-manual-reading':
      return addManualReading(db, action, deps.now());
    case 'save-settings':
      await deps.local.set({ [SETTINGS_KEY]: action.settings });
      return { ok: true };
    case 'delete-everything':
      await db.transaction('rw', [db.lines, db.readings, db.alerts, db.trash], async () => {
        await Promise.all([db.lines.clear(), db.readings.clear(), db.alerts.clear(), pruneTrash(db, deps.now(), true)]);
      });
      await deps.local.remove(OVERVIEW_KEY);
      return { ok: true };
    case 'import-part':
      return deps.uploads.add(action.uploadId, action.index, action.count, action.text);
    case 'import-backup': {
      const text = action.text ?? deps.uploads.text(action.uploadId!);
      if (text === null) return { ok: false, error: 'upload lost' };
      const reply = await importBackup(db, text, action.apply, deps.now(), deps.log);
      // A preview keeps the pieces for the import that follows; an import or a refusal ends the upload.
      if (action.uploadId && (action.apply || !reply.ok)) deps.uploads.drop(action.uploadId);
      return reply;
    }
  }
}

/** The generic reader's figures of a line that wait for the user's word. */
function unconfirmedOf(db: GuardDb, lineId: number) {
  return db.readings
    .where('[lineId+capturedAt]')
    .between([lineId, -Infinity], [lineId, Infinity])
    .filter((r) => r.unconfirmed === true);
}
