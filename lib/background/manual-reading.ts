import { MANUAL_CARRIER_ID, type PageReading } from '../vocabulary/reading';
import type { GuardDb } from '../db/schema';
import { lineKeyFor, storeReadings } from '../db/store-readings';
import type { UiAction } from '../messages/ui-actions';


export type ManualReadingAction = Extract<UiAction, { type: 'add-manual-reading' }>;
export type ManualOutcome = { ok: true; lineId: number } | { ok: false; error: 'not found' | 'not a manual line' };

/**
 * Stores a typed-in figure through the same path as a page's (so an identical figure is only
 * confirmed, not stored twice). A manual line is keyed by the name it was created with, kept as
 * its plan name, so renaming it later (its label) does not split its history.
 */
export async function addManualReading(db: GuardDb, action: ManualReadingAction, now: number): Promise<ManualOutcome> {
  return db.transaction('rw', db.lines, db.readings, async () => {
    let planName: string;
    if (action.target.kind === 'existing') {
      const line = await db.lines.get(action.target.lineId);
      if (!line) return { ok: false, error: 'not found' } as const;
      if (line.carrierId !== MANUAL_CARRIER_ID) return { ok: false, error: 'not a manual line' } as const;
      planName = line.planName ?? '';
    } else {
      planName = action.target.name;
    }
    const { usedBytes, totalBytes, unlimited, periodEnd } = action;
    const reading: PageReading = {
      lineDigits: null,
      planName: planName || null,
      bucket: 'data',
      usedBytes,
      totalBytes,
      unlimited,
      remainingBytes: totalBytes === null ? null : Math.max(0, totalBytes - usedBytes),
      periodEnd,
      pageSaysUpdatedAt: null,
    };
    await storeReadings(db, MANUAL_CARRIER_ID, [reading], now, { source: 'manual' });
    const line = await db.lines.where('lineKey').equals(lineKeyFor(MANUAL_CARRIER_ID, reading)).first();
    if (!line) return { ok: false, error: 'not found' } as const;
    if (action.target.kind === 'new' && line.label === null) await db.lines.update(line.id, { label: action.target.name });
    return { ok: true, lineId: line.id } as const;
  });
}
