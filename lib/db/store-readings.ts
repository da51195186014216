import type { PageReading } from '../vocabulary/reading';
import type { GuardDb, LineRow, ReadingRow, ReadingSource } from './schema';

/**
 * A line is recognised by carrier + last digits of its number; pages that show no number fall back
 * to the plan name, so two plans of one carrier stay two lines.
 */
export function lineKeyFor(carrierId: string, reading: Pick<PageReading, 'lineDigits' | 'planName'>): string {
  if (reading.lineDigits) return `${carrierId}:${reading.lineDigits}`;
  if (reading.planName) return `${carrierId}:plan:${reading.planName.trim().toLowerCase().replace(/\s+/g, ' ')}`;
  return `${carrierId}:line`;
}

/** Figures that make a reading distinct. Times are left out: re-reading the same page later is not new usage. */
function sameFigures(a: ReadingRow, b: PageReading): boolean {
  return (
    a.usedBytes === b.usedBytes &&
    a.totalBytes === b.totalBytes &&
    a.unlimited === b.unlimited &&
    a.remainingBytes === b.remainingBytes
  );
}

export interface StoreOutcome {
  stored: number;
  confirmed: number;
  /** The lines the readings belong to (created or found), in the readings' order, each once. */
  lineIds: number[];
}

export interface StoreOptions {
  source?: ReadingSource;
  /** The carrier page the readings came from (see pageUrlOf): where "Check now" reads the line again. */
  pageUrl?: string | null;
}

/**
 * What of a page's address a line keeps: origin, path and fragment (single-page portals route on
 * it), never the query string, where portals put session and account ids.
 */
export function pageUrlOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return null;
    return `${u.origin}${u.pathname}${u.hash}`.slice(0, 500);
  } catch {
    return null;
  }
}

/**
 * Saves readings of one carrier page in one transaction: creates lines on first sight, and stores a
 * reading only when it differs from the line's last one in that bucket (an identical one only moves
 * `confirmedAt`). IndexedDB serialises read-write transactions, so two tabs saving the same page at
 * once still leave one reading.
 */
export async function storeReadings(
  db: GuardDb,
  carrierId: string,
  readings: readonly PageReading[],
  now: number,
  { source = 'page', pageUrl = null }: StoreOptions = {},
): Promise<StoreOutcome> {
  return db.transaction('rw', db.lines, db.readings, async () => {
    const outcome: StoreOutcome = { stored: 0, confirmed: 0, lineIds: [] };
    for (const reading of readings) {
      const { lineId, confirmed } = await upsertLine(db, carrierId, reading, now, reading.generic ? null : pageUrl);
      if (!outcome.lineIds.includes(lineId)) outcome.lineIds.push(lineId);
      const ofBucket = () => db.readings.where('[lineId+bucket+capturedAt]').between([lineId, reading.bucket, -Infinity], [lineId, reading.bucket, Infinity]);
      // The generic reader never writes into a line the user already counts on (a help page's
      // example figure once did): its figure is kept as unconfirmed, counted nowhere until the
      // user says it is right. A carrier adapter's figure supersedes such guesses.
      const unconfirmed = reading.generic === true && confirmed;
      if (!reading.generic) await ofBucket().filter((r) => r.unconfirmed === true).delete();
      const last = await ofBucket()
        .reverse()
        .filter((r) => unconfirmed || r.unconfirmed !== true)
        .first();
      if (last && sameFigures(last, reading)) {
        await db.readings.update(last.id, { confirmedAt: Math.max(last.confirmedAt, now) });
        outcome.confirmed += 1;
        continue;
      }
      // Readings are ordered by capture. When the line's last one is stamped after `now` (the
      // clock went back, or another device's clock was ahead), a new figure stamped `now` would
      // sort before it: that one would stay "the latest" for ever, and every later visit would
      // store the same figure again. The new one is stamped just after it instead.
      const at = last && last.capturedAt >= now ? last.capturedAt + 1 : now;
      await db.readings.add({
        lineId,
        bucket: reading.bucket,
        capturedAt: at,
        confirmedAt: at,
        usedBytes: reading.usedBytes,
        totalBytes: reading.totalBytes,
        unlimited: reading.unlimited,
        remainingBytes: reading.remainingBytes,
        periodEnd: reading.periodEnd,
        ...(reading.periodEndKind ? { periodEndKind: reading.periodEndKind } : {}),
        pageSaysUpdatedAt: reading.pageSaysUpdatedAt,
        // Use beyond the cap, as the figures show it (pages state no overage of their own).
        overage: reading.totalBytes !== null && reading.usedBytes !== null && reading.usedBytes > reading.totalBytes,
        source,
        generic: reading.generic ?? false,
        ...(unconfirmed ? { unconfirmed: true } : {}),
        ...(reading.via ? { via: reading.via } : {}),
      } as ReadingRow);
      outcome.stored += 1;
    }
    return outcome;
  });
}

/** The line a reading belongs to, created on first sight; `confirmed`: the user already counts on it. */
async function upsertLine(db: GuardDb, carrierId: string, reading: PageReading, now: number, pageUrl: string | null): Promise<{ lineId: number; confirmed: boolean }> {
  const lineKey = lineKeyFor(carrierId, reading);
  const existing = await db.lines.where('lineKey').equals(lineKey).first();
  if (existing) {
    const changes: Partial<LineRow> = {};
    // Keep the plan name current (plans change), but never erase one we knew.
    if (reading.planName && reading.planName !== existing.planName) changes.planName = reading.planName;
    // A carrier adapter reading the line vouches for it: no need to ask the user any more.
    if (existing.pendingConfirmation && !reading.generic) changes.pendingConfirmation = false;
    // Where a carrier adapter last read the line: the page "Check now" opens.
    if (pageUrl && pageUrl !== existing.lastPageUrl) changes.lastPageUrl = pageUrl;
    if (Object.keys(changes).length > 0) await db.lines.update(existing.id, changes);
    return { lineId: existing.id, confirmed: !existing.pendingConfirmation };
  }
  const lineId = await db.lines.add({
    carrierId,
    lineKey,
    lineDigits: reading.lineDigits,
    planName: reading.planName,
    label: null,
    color: null,
    hidden: false,
    pendingConfirmation: reading.generic === true,
    lastPageUrl: pageUrl,
    createdAt: now,
  } as LineRow);
  return { lineId, confirmed: false };
}
