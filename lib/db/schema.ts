import Dexie, { type EntityTable } from 'dexie';
import type { Bucket } from '../vocabulary/reading';

export const DB_NAME = 'esim-usage-guard';

/** One eSIM line. `lineKey` identifies it across page visits (see lineKeyFor). */
export interface LineRow {
  id: number;
  carrierId: string;
  lineKey: string;
  /** Last digits of the number, when the page showed it. */
  lineDigits: string | null;
  planName: string | null;
  /** The user's own name for the line; null until they set one. */
  label: string | null;
  color: string | null;
  hidden: boolean;
  /**
   * True while the line's only figures come from the generic reader and the user has not yet
   * confirmed them: such a line is shown with a question and left out of the badge.
   */
  pendingConfirmation: boolean;
  /** The user's own cap for the line (integer bytes), overriding the page's; null = use the page's. */
  capBytes?: number | null;
  /** Day of month the cycle restarts, when the page does not say; null = infer from the data. */
  cycleDay?: number | null;
  /** The carrier page of the line's last good reading (no query beyond what the adapter needs): where "Check now" goes. */
  lastPageUrl?: string | null;
  createdAt: number;
}

export type ReadingSource = 'page' | 'manual' | 'import';

/** One distinct figure. Bytes are integers; times are ms since epoch. */
export interface ReadingRow {
  id: number;
  lineId: number;
  bucket: Bucket;
  /** When the figure was first read. */
  capturedAt: number;
  /** When the same figure was last seen again (an identical re-read only moves this). */
  confirmedAt: number;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  remainingBytes: number | null;
  periodEnd: number | null;
  /** 'expiry' when periodEnd is a validity end (prepaid) rather than a renewal; absent = renewal. */
  periodEndKind?: 'renewal' | 'expiry';
  pageSaysUpdatedAt: number | null;
  overage: boolean;
  source: ReadingSource;
  /** Read by the generic reader rather than a carrier adapter. */
  generic: boolean;
  /**
   * A generic-reader figure for a line the user already confirmed: kept, but counted nowhere
   * (latest, history, badge) until the user says it is right. Not indexed; absent = false.
   */
  unconfirmed?: boolean;
  /** Where on the page the figure was read: its own JSON answer or what it shows (absent: the page). */
  via?: 'json' | 'dom';
}

/**
 * A notification already raised, so each fires once per line per cycle. `key` names the event
 * within its cycle (e.g. `threshold:80:<cycle start>`); a new cycle or top-up gives new keys.
 */
export interface AlertRow {
  id: number;
  lineId: number;
  kind: string;
  key: string;
  raisedAt: number;
  /** Set while quiet hours hold a non-urgent notification back. */
  heldUntil: number | null;
  /** What the notification said, for the record and for a held one to be shown later. */
  title: string;
  message: string;
  /**
   * When `notifications.create` resolved; null until then. A row written but not yet shown (the
   * service worker stopped in between) is shown at the next start or alarm, under the same
   * notification id, so it can neither be lost nor appear twice. The fields below are not
   * indexed (no new Dexie version); absent ones read as null.
   */
  shownAt?: number | null;
  /** Set instead of shownAt when a held row was overtaken (a higher threshold, the 1-day reminder). */
  droppedAt?: number | null;
  /** Leaks, 100 %, overrun and the last day of validity: shown at once, even in quiet hours. */
  urgent?: boolean;
  /** Start of the usage cycle the alert belongs to (null when the cycle is not known). */
  cycleStart?: number | null;
  /** The figures the alert was decided on, so the next decision can compare (see lib/alerts). */
  detail?: AlertDetail;
}

export interface AlertDetail {
  threshold?: number;
  totalBytes?: number | null;
  /** Anomaly start/end; projected exhaustion (overrun); stated end (validity); last reading (stale). */
  at?: number;
  end?: number;
}

/**
 * A deleted line waiting for Undo (lib/background/line-trash.ts): a verbatim copy of its rows,
 * removed after the Undo window. In IndexedDB rather than storage.session, whose quota a line
 * with a long history did not fit.
 */
export interface TrashRow {
  token: string;
  expiresAt: number;
  line: LineRow;
  readings: ReadingRow[];
  alerts: AlertRow[];
}

export type GuardDb = Dexie & {
  lines: EntityTable<LineRow, 'id'>;
  readings: EntityTable<ReadingRow, 'id'>;
  alerts: EntityTable<AlertRow, 'id'>;
  trash: EntityTable<TrashRow, 'token'>;
};

/**
 * Opens (or creates) the database. Every schema change gets a new `version(n)` below the old
 * ones, never an edit of an old one, so an upgrade keeps every stored reading.
 */
export function openGuardDb(name: string = DB_NAME): GuardDb {
  const db = new Dexie(name) as GuardDb;
  db.version(1).stores({
    lines: '++id, &lineKey, carrierId',
    readings: '++id, [lineId+bucket+capturedAt], [lineId+capturedAt], capturedAt',
  });
  // v2: raised notifications (issue: badge and notifications). Lines and readings are untouched.
  db.version(2).stores({
    alerts: '++id, &[lineId+key], lineId, raisedAt',
  });
  // v3: deleted lines waiting for Undo. Nothing else changes.
  db.version(3).stores({
    trash: '&token, expiresAt',
  });
  return db;
}
