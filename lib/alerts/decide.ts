import { Clock, dayKey } from '../time/clock';
import { DAY, HOUR } from '../time/units';
import type { AlertRow } from '../db/schema';
import type { Translator } from '../i18n/translator';
import type { Settings } from '../settings/schema';
import type { LineCardModel } from '../status/card';
import type { LineStatus } from '../status/line-status';
import { isUnusual } from '../status/warnings';
import { inQuietHours, quietHoursEnd } from './quiet-hours';
import { leakText, overrunText, staleText, thresholdText, validityText, type LeakWarning } from '../wording/alerts';

/**
 * Which notifications to raise, as pure data. Each alert is a row keyed per line (unique
 * [lineId+key]); the key names the event within its cycle so the same event never fires twice and
 * a new cycle or a top-up (a new total) re-arms it:
 *   threshold:<percent>:<cycle start day>:<total bytes>   highest newly crossed threshold only
 *   leak:<anomaly start>                                  one per unusual-use episode
 *   overrun:<cycle start day>:<total bytes>:<exhaust hour> again only if ≥ 1 day earlier
 *   validity:<3|1>d:<stated end day>                      3 and 1 day before a page-stated end
 *   stale:<last reading time>                             after settings.staleReadingDays
 * Urgent (never held by quiet hours): leaks, thresholds ≥ 100 %, overrun, validity 1 day.
 */
export type AlertKind = 'threshold' | 'leak' | 'overrun' | 'validity' | 'stale';

export type SentAlert = Pick<AlertRow, 'id' | 'lineId' | 'kind' | 'key' | 'raisedAt' | 'heldUntil'> &
  Partial<Pick<AlertRow, 'shownAt' | 'droppedAt' | 'urgent' | 'cycleStart' | 'detail'>>;

export type NewAlert = Omit<AlertRow, 'id'>;

export interface AlertContext {
  settings: Pick<Settings, 'thresholds' | 'quietHours' | 'staleReadingDays'>;
  now: number;
  timeZone: string;
  /** The UI language's translator: titles, messages, sizes and dates are worded in it. */
  i18n: Translator;
}

export interface AlertDecision {
  /** Rows to insert (shownAt null; heldUntil set when quiet hours hold them). */
  add: NewAlert[];
  /** Ids of not-yet-shown rows that are no longer true or were overtaken: never show them. */
  drop: number[];
}

/** Two readings of the same cycle may place its start a little apart (a stated end read a day off). */
const CYCLE_SLACK = 2 * DAY;
const VALIDITY_DAYS = [3, 1] as const;

interface LineFacts {
  source: LineStatus;
  card: LineCardModel;
  cycleStart: number | null;
  cycleTag: string;
  rows: SentAlert[];
}

/** Decides from the lines' statuses (lib/status), the same ones the popup and the badge show. */
export function decideAlerts(sources: readonly LineStatus[], sent: readonly SentAlert[], ctx: AlertContext): AlertDecision {
  const clock = new Clock(ctx.timeZone);
  const add: NewAlert[] = [];
  const drop = new Set<number>();
  const known = new Set(sent.map((r) => `${r.lineId} ${r.key}`));
  const live = new Set<number>();

  for (const source of sources) {
    if (source.line.pendingConfirmation || !source.analysis) continue;
    const { card } = source;
    live.add(source.line.id);
    const cycleStart = source.analysis.cycle.start;
    const facts: LineFacts = {
      source,
      card,
      cycleStart,
      cycleTag: cycleStart === null ? 'open' : dayKey(clock.dayOf(cycleStart)),
      rows: sent.filter((r) => r.lineId === source.line.id),
    };
    for (const row of facts.rows) if (unshown(row) && obsolete(row, facts)) drop.add(row.id);
    const raised = [
      ...thresholdAlerts(facts, ctx),
      ...leakAlerts(facts, ctx),
      ...overrunAlerts(facts, ctx),
      ...validityAlerts(facts, ctx, clock),
      ...staleAlerts(facts, ctx),
    ];
    for (const alert of raised) {
      if (known.has(`${alert.lineId} ${alert.key}`)) continue;
      known.add(`${alert.lineId} ${alert.key}`);
      // A newer alert of the same kind overtakes one still waiting: show only the latest news.
      // Separate leak episodes each deserve a word, so they never overtake one another.
      if (alert.kind !== 'leak') for (const row of facts.rows) if (row.kind === alert.kind && unshown(row)) drop.add(row.id);
      add.push(hold(alert, ctx, clock));
    }
  }
  // Held alerts of lines that were deleted, hidden or lost their data are no longer news.
  for (const row of sent) if (unshown(row) && !live.has(row.lineId)) drop.add(row.id);
  return { add, drop: [...drop] };
}

export function unshown(row: SentAlert): boolean {
  return (row.shownAt ?? null) === null && (row.droppedAt ?? null) === null;
}

function sameCycle(row: SentAlert, cycleStart: number | null): boolean {
  const rowStart = row.cycleStart ?? null;
  if (rowStart === null || cycleStart === null) return rowStart === cycleStart;
  return Math.abs(rowStart - cycleStart) < CYCLE_SLACK;
}

/** A row waiting to be shown whose news has gone stale: a new cycle, a top-up, a fresh reading. */
function obsolete(row: SentAlert, f: LineFacts): boolean {
  const total = f.card.totalBytes;
  switch (row.kind as AlertKind) {
    case 'threshold':
      return !sameCycle(row, f.cycleStart) || row.detail?.totalBytes !== total || (f.card.percent ?? 0) < (row.detail?.threshold ?? 0);
    case 'overrun':
    case 'validity':
      return !sameCycle(row, f.cycleStart);
    case 'stale':
      return (row.detail?.at ?? 0) < f.card.readAt;
    default:
      return false;
  }
}

function base(f: LineFacts, ctx: AlertContext, kind: AlertKind, key: string, urgent: boolean, text: { title: string; message: string }, detail: NewAlert['detail']): NewAlert {
  return {
    lineId: f.source.line.id,
    kind,
    key,
    raisedAt: ctx.now,
    heldUntil: null,
    shownAt: null,
    droppedAt: null,
    urgent,
    cycleStart: f.cycleStart,
    detail,
    ...text,
  };
}

/** Non-urgent alerts raised during quiet hours wait for their end. */
function hold(alert: NewAlert, ctx: AlertContext, clock: Clock): NewAlert {
  if (alert.urgent || !inQuietHours(ctx.now, ctx.settings.quietHours, clock)) return alert;
  return { ...alert, heldUntil: quietHoursEnd(ctx.now, ctx.settings.quietHours, clock) };
}

function thresholdAlerts(f: LineFacts, ctx: AlertContext): NewAlert[] {
  const { percent, totalBytes, unlimited } = f.card;
  if (percent === null || unlimited || totalBytes === null) return [];
  const crossed = ctx.settings.thresholds.filter((t) => percent >= t);
  if (crossed.length === 0) return [];
  const highest = Math.max(...crossed);
  const notified = f.rows
    .filter((r) => r.kind === 'threshold' && sameCycle(r, f.cycleStart) && r.detail?.totalBytes === totalBytes)
    .map((r) => r.detail?.threshold ?? 0);
  if (notified.length > 0 && Math.max(...notified) >= highest) return [];
  const key = `threshold:${highest}:${f.cycleTag}:${totalBytes}`;
  return [base(f, ctx, 'threshold', key, highest >= 100, thresholdText(f.card, highest, f.source.analysis!, ctx), { threshold: highest, totalBytes })];
}

function leakAlerts(f: LineFacts, ctx: AlertContext): NewAlert[] {
  const out: NewAlert[] = [];
  const seen: Array<{ start: number; end: number }> = f.rows
    .filter((r) => r.kind === 'leak' && r.detail?.at !== undefined)
    .map((r) => ({ start: r.detail!.at!, end: r.detail!.end ?? r.detail!.at! }));
  const unusual = f.card.warnings.filter(isUnusual);
  for (const w of unusual.sort((a, b) => a.start - b.start)) {
    // The detection window of one episode shifts by an hour or so as readings arrive: any overlap
    // with an episode already raised is that episode.
    if (seen.some((s) => s.start <= w.end + HOUR && s.end >= w.start - HOUR)) continue;
    seen.push({ start: w.start, end: w.end });
    out.push(base(f, ctx, 'leak', `leak:${w.start}`, true, leakText(f.card, w as LeakWarning, ctx), { at: w.start, end: w.end }));
  }
  return out;
}

function overrunAlerts(f: LineFacts, ctx: AlertContext): NewAlert[] {
  const warning = f.card.warnings.find((w) => w.kind === 'overrun');
  // A new cycle nobody has read yet is forecast on the card, but a notification waits for a figure.
  if (!warning || f.card.outlook?.renewedUnread) return [];
  const exhaustAt = warning.end;
  const total = f.card.totalBytes;
  const last = f.rows
    .filter((r) => r.kind === 'overrun' && sameCycle(r, f.cycleStart) && r.detail?.totalBytes === total)
    .sort((a, b) => b.raisedAt - a.raisedAt || b.id - a.id)[0];
  if (last && (last.detail?.at ?? 0) - exhaustAt < DAY) return [];
  const key = `overrun:${f.cycleTag}:${total}:${Math.floor(exhaustAt / HOUR)}`;
  return [base(f, ctx, 'overrun', key, true, overrunText(f.card, exhaustAt, f.source.analysis!, ctx), { at: exhaustAt, totalBytes: total })];
}

function validityAlerts(f: LineFacts, ctx: AlertContext, clock: Clock): NewAlert[] {
  const { cycle } = f.source.analysis!;
  if (cycle.endSource !== 'page' || cycle.end === null || cycle.end <= ctx.now) return [];
  // Only an allowance that expires (prepaid validity) deserves a reminder; a postpaid cycle that
  // renews by itself every month would otherwise nag twice a month.
  if (!f.source.latest.some((r) => r.periodEndKind === 'expiry')) return [];
  const end = cycle.end;
  const days = VALIDITY_DAYS.filter((d) => end - ctx.now <= d * DAY).at(-1);
  if (days === undefined) return [];
  const sent = f.rows.filter((r) => r.kind === 'validity' && Math.abs((r.detail?.at ?? 0) - end) < CYCLE_SLACK);
  if (sent.some((r) => (r.detail?.threshold ?? Infinity) <= days)) return [];
  const key = `validity:${days}d:${dayKey(clock.dayOf(end))}`;
  return [base(f, ctx, 'validity', key, days === 1, validityText(f.card, end, ctx), { threshold: days, at: end })];
}

function staleAlerts(f: LineFacts, ctx: AlertContext): NewAlert[] {
  const days = ctx.settings.staleReadingDays;
  const { end } = f.source.analysis!.cycle;
  if (days === null || (end !== null && end <= ctx.now)) return [];
  const readAt = f.card.readAt;
  if (ctx.now - readAt < days * DAY) return [];
  if (f.rows.some((r) => r.kind === 'stale' && r.detail?.at === readAt)) return [];
  return [base(f, ctx, 'stale', `stale:${readAt}`, false, staleText(f.card, readAt, ctx), { at: readAt })];
}
