import { LINE_COLOR_VALUES } from '../settings/line-colors';
import { settingsSchema } from '../settings/schema';
import { implausible } from '../vocabulary/plausibility';
import { MAX_PARTS, PART_CHARS } from '../backup/transfer';
import { bytes, epochMsInt, safeText } from './fields';
import { z } from './zod';

const lineId = z.int().check(z.positive());
const uploadId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));
const epochMs = epochMsInt;
export const LABEL_MAX = 40;
/** A name the user types: trimmed by the UI, never blank, never longer than a table cell holds. */
const label = safeText(LABEL_MAX).check(z.refine((s) => s.trim() === s && s.length > 0, { message: 'a name is trimmed and not empty' }));

/** Per-line settings the user can change; a field left out is left as it is. */
export const linePatchSchema = z
  .strictObject({
    label: z.optional(z.nullable(label)),
    color: z.optional(z.nullable(z.enum(LINE_COLOR_VALUES))),
    hidden: z.optional(z.boolean()),
    /** The user's own cap in integer bytes (a cap of 0 bytes is no plan: at least 1). */
    capBytes: z.optional(z.nullable(bytes.check(z.positive()))),
    cycleDay: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(31)))),
  })
  .check(z.refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' }));

/** A figure typed in by the user, for a line whose carrier portal we cannot read. */
const manualReadingSchema = z
  .strictObject({
    type: z.literal('add-manual-reading'),
    /** An existing manual line, or a new one by the name the user gives it. */
    target: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('existing'), lineId }),
      z.strictObject({ kind: z.literal('new'), name: label }),
    ]),
    usedBytes: bytes,
    totalBytes: z.nullable(bytes.check(z.positive())),
    unlimited: z.boolean(),
    periodEnd: z.nullable(epochMs),
  })
  .check(
    z.refine((r) => r.unlimited === (r.totalBytes === null), { message: 'a total, or unlimited, not both' }),
    z.refine((r) => implausible({ ...r, remainingBytes: null }) === null, { message: 'implausible figures' }),
  );

/**
 * Popup/options → background. Only extension pages may send these (checked by the background);
 * the background is the only writer, so every change the user makes goes through here.
 */
export const uiActionSchema = z.discriminatedUnion('type', [
  /** Answered once the background has created or upgraded the database: pages open it only then. */
  z.strictObject({ type: z.literal('database-ready') }),
  /** "Check now": every line's carrier page read again in the background (lib/checks). */
  z.strictObject({ type: z.literal('check-now') }),
  /** "Yes, these figures are right": the generic reader's line, or its newer figures for a line, start to count. */
  z.strictObject({ type: z.literal('confirm-line'), lineId }),
  /** "No, discard": the line read only by the generic reader is deleted with its readings. */
  z.strictObject({ type: z.literal('discard-line'), lineId }),
  /** "No, discard" for the generic reader's newer figures of a counted line: only those figures go. */
  z.strictObject({ type: z.literal('discard-unconfirmed'), lineId }),
  z.strictObject({ type: z.literal('update-line'), lineId, patch: linePatchSchema }),
  /** Deletes the line with its readings and alerts; the reply carries an undo ticket. */
  z.strictObject({ type: z.literal('delete-line'), lineId }),
  /** Puts back what one `delete-line` removed, while its ticket is valid. */
  z.strictObject({ type: z.literal('restore-line'), token: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/)) }),
  manualReadingSchema,
  z.strictObject({ type: z.literal('save-settings'), settings: settingsSchema }),
  /** The literal phrase guards against a stray or replayed message wiping everything. */
  z.strictObject({ type: z.literal('delete-everything'), confirm: z.literal('delete-everything') }),
  /** One piece of a backup file too large for one message (lib/background/backup-uploads.ts). */
  z.strictObject({
    type: z.literal('import-part'),
    uploadId,
    index: z.int().check(z.minimum(0), z.maximum(MAX_PARTS - 1)),
    count: z.int().check(z.minimum(1), z.maximum(MAX_PARTS)),
    text: z.string().check(z.maxLength(PART_CHARS)),
  }),
  /** `apply: false` only previews (counts), touching nothing; `apply: true` merges. The file comes as
   * `text` (small files) or as the pieces of an upload. */
  z
    .strictObject({ type: z.literal('import-backup'), text: z.optional(z.string().check(z.maxLength(PART_CHARS))), uploadId: z.optional(uploadId), apply: z.boolean() })
    .check(z.refine((a) => (a.text === undefined) !== (a.uploadId === undefined), { message: 'the file as text or as an upload, not both' })),
]);

export type UiAction = z.infer<typeof uiActionSchema>;
export type UiActionType = UiAction['type'];
export type LinePatch = z.infer<typeof linePatchSchema>;

/** What `delete-line` hands back so the UI can offer Undo until `expiresAt`. */
export interface UndoTicket {
  token: string;
  expiresAt: number;
  readings: number;
}

/** What an import would do (preview) or did (apply). */
export interface ImportCounts {
  lines: number;
  newLines: number;
  readings: number;
  newReadings: number;
  duplicateReadings: number;
  /** Readings dated after this browser's clock: refused. */
  futureReadings: number;
}

/** Extra fields of a successful reply, per action. */
export interface UiActionResults {
  'database-ready': object;
  'check-now': object;
  'confirm-line': object;
  'discard-line': object;
  'discard-unconfirmed': object;
  'update-line': object;
  'delete-line': { undo: UndoTicket | null };
  'restore-line': object;
  'add-manual-reading': { lineId: number };
  'save-settings': object;
  'delete-everything': object;
  'import-part': object;
  'import-backup': { counts: ImportCounts; applied: boolean };
}

/**
 * `error` is a stable code the UI words in the user's language; `detail` is English for the
 * console (e.g. which part of a backup file is broken).
 */
export type UiActionError =
  | 'untrusted sender'
  | 'malformed action'
  | 'storage failed'
  | 'not found'
  | 'undo expired'
  | 'not a manual line'
  | 'invalid backup'
  /** The pieces of a large file did not all arrive (the worker restarted): choose the file again. */
  | 'upload lost'
  | 'upload refused';

export type UiActionReply<T extends UiActionType = UiActionType> =
  | ({ ok: true } & UiActionResults[T])
  | { ok: false; error: UiActionError; detail?: string };

export const UI_ACTION_TYPES: ReadonlySet<string> = new Set<UiActionType>([
  'database-ready',
  'check-now',
  'confirm-line',
  'discard-line',
  'discard-unconfirmed',
  'update-line',
  'delete-line',
  'restore-line',
  'add-manual-reading',
  'save-settings',
  'delete-everything',
  'import-part',
  'import-backup',
]);
