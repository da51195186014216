import fc from 'fast-check';
import { BUCKETS } from '@/lib/vocabulary/reading';
import type { LineRow, ReadingRow } from '@/lib/db/schema';
import { readingKey } from '@/lib/backup/export';
import { implausible, isSafeText } from '@/lib/vocabulary/plausibility';

const GB = 1024 ** 3;
const time = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
const bytes = fc.oneof(fc.integer({ min: 0, max: 200 * GB }), fc.constantFrom(0, 1, 1024 ** 4));
// Text the extension could hold: what pages and people write, never control or bidi-override characters.
const text = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 30 }).filter(isSafeText),
  fc.constantFrom('Fusión 5G', '=HYPERLINK("x")', 'a,"b" c', '全球通'),
);

const lineDraft = fc.record({
  carrierId: fc.constantFrom('movistar-es', 'orange-fr', 'cmhk', 'entel-cl'),
  lineDigits: fc.option(fc.stringMatching(/^\d{4}$/), { nil: null }),
  planName: text,
  label: text,
  color: fc.option(fc.constantFrom('#0969da', '#1A7F37', '#bc4c00'), { nil: null }),
  hidden: fc.boolean(),
  pendingConfirmation: fc.boolean(),
  capBytes: fc.option(fc.option(fc.integer({ min: 1, max: 200 * GB }), { nil: null }), { nil: undefined }),
  cycleDay: fc.option(fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }), { nil: undefined }),
  createdAt: time,
});

const readingDraft = fc.record({
  bucket: fc.constantFrom(...BUCKETS),
  capturedAt: time,
  confirmDelay: fc.integer({ min: 0, max: 86_400_000 }),
  usedBytes: fc.option(bytes, { nil: null }),
  totalBytes: fc.option(bytes, { nil: null }),
  remainingBytes: fc.option(bytes, { nil: null }),
  periodEnd: fc.option(time, { nil: null }),
  pageSaysUpdatedAt: fc.option(time, { nil: null }),
  overage: fc.boolean(),
  source: fc.constantFrom('page', 'manual', 'import'),
  generic: fc.boolean(),
})
  // Only what a page (or a person) could have stored: the plausibility rules every import applies.
  .map((r) => ({ ...r, unlimited: r.totalBytes === null }))
  .filter((r) => implausible(r) === null);

/** A database as the extension could hold it: distinct line keys, arbitrary ids, distinct readings. */
export const databaseArb = fc
  .record({
    lines: fc.uniqueArray(lineDraft, { minLength: 0, maxLength: 5, selector: (l) => `${l.carrierId}:${l.lineDigits ?? l.planName ?? ''}` }),
    ids: fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 5, maxLength: 5 }),
    readings: fc.array(fc.tuple(fc.nat(), readingDraft), { maxLength: 30 }),
  })
  .map(({ lines, ids, readings }) => {
    const lineRows: LineRow[] = lines.map((l, i) => {
      const { capBytes, cycleDay, ...rest } = l;
      const row: LineRow = { ...rest, id: ids[i]!, lineKey: `${l.carrierId}:${l.lineDigits ?? `plan:${l.planName ?? i}`}` };
      if (capBytes !== undefined) row.capBytes = capBytes;
      if (cycleDay !== undefined) row.cycleDay = cycleDay;
      return row;
    });
    const seen = new Set<string>();
    const readingRows: ReadingRow[] = [];
    if (lineRows.length > 0) {
      readings.forEach(([pick, r], i) => {
        const { confirmDelay, ...rest } = r;
        const row = { ...rest, id: i + 1, lineId: lineRows[pick % lineRows.length]!.id, confirmedAt: Math.min(r.capturedAt + confirmDelay, Date.UTC(2030, 0, 2)) };
        const key = readingKey(row);
        if (seen.has(key)) return; // the extension never stores the same figure twice at the same time
        seen.add(key);
        readingRows.push(row as ReadingRow);
      });
    }
    return { lines: lineRows, readings: readingRows };
  });
