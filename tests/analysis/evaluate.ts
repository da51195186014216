// Scores the analysis on synthetic lines, family by family. Definitions are in DETECTION.md.
import { analyzeLine, type AnalysisReading, type LineAnalysis } from '../../lib/analysis';
import { Clock, dayKey } from '../../lib/time/clock';
import { DAY, HOUR } from '../../lib/time/units';
import { errorFreeReadings, referenceVerdicts } from './forecast-references';
import { capAt, capReachedAt, familyOf, generateLine, shownLag, type Family, type SynthEvent, type SyntheticLine, type TrueCycle } from './synthetic';

// A leak counts as detectable when it matters (>= 3 % of the cap) and adds at least 60 % to the
// use carried by the readings that bracket it: below that it is drowned in ordinary use.
const DETECTABLE_SHARE = 0.03;
const DETECTABLE_RATIO = 0.6;
// An anomaly touches a leak when it overlaps the leak's time as the carrier reports it, with
// an hour of slack for capture jitter.
const SLACK_MS = HOUR;
const CHECK_FRACTIONS = [0.2, 0.4, 0.6];
const HARD_FAMILIES = new Set<Family>(['weekly', 'habit', 'travel', 'download', 'heavy-small', 'lapsed']);

export interface Tally { n: number; k: number }
const tally = (): Tally => ({ n: 0, k: 0 });
const add = (t: Tally, ok: boolean) => { t.n++; if (ok) t.k++; };

export interface Report {
  lines: number;
  lineMonths: number;
  leaks: number;
  detectable: number;
  rawRecall: Tally;
  recall: Tally;
  /** Recall per leak family (overnight-sparse etc.), detectable leaks only. */
  recallBy: Record<string, Tally>;
  delaysH: number[];
  falseAlarms: number;
  falseAlarmsBy: Record<string, { alarms: number; months: number }>;
  verdicts: Tally;
  hardVerdicts: Tally;
  verdictsBy: Record<string, Tally>;
  hardVerdictsBy: Record<string, Tally>;
  /** The same hard-case checkpoints judged by the forecasters of forecast-references.ts (when asked). */
  referenceHard: { ceiling: Tally; pastLevel: Tally; rhythmOnly: Tally };
  /** The same hard-case checkpoints judged by the analysis fed error-free hourly readings (when asked). */
  errorFreeHard: Tally;
  insufficient: number;
  skippedCheckpoints: number;
  /** Checkpoints on lines that state no renewal (no period end, no cycle day): cycle end within 12 h of the true one. */
  renewalsPlaced: Tally;
  /**
   * Checkpoints in a cycle nobody has read yet (the renewal came after the latest reading; the
   * headline verdicts skip them): the verdict from the line's usual pace, insufficient-data wrong.
   */
  unreadCycleVerdicts: Tally;
  /** 'runs-out' shown for a date on or after the true renewal: a warning the plan never reaches. */
  runOutsAfterRenewal: number;
  dateErrors: number[];
  hardDateErrors: number[];
  violations: string[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function observed(line: SyntheticLine, now: number): AnalysisReading[] {
  return line.readings.filter((_, i) => line.trueAt[i]! <= now);
}

function analyse(line: SyntheticLine, now: number): LineAnalysis {
  return analyzeLine(observed(line, now), { now, timeZone: line.timeZone, cycleDay: line.cycleDay });
}

function touches(a: { start: number; end: number }, e: SynthEvent, lag: number): boolean {
  return a.start < e.end + lag + SLACK_MS && a.end > e.start + lag - SLACK_MS;
}

function sumUse(line: SyntheticLine, use: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let k = Math.max(0, Math.floor((from - line.t0) / HOUR)); k < Math.min(use.length, Math.ceil((to - line.t0) / HOUR)); k++) s += use[k]!;
  return s;
}

/** The leak family a leak is scored under: its kind, split by how often the line is read. */
function leakFamily(line: SyntheticLine, e: SynthEvent): string {
  if (line.family === 'topup-leak') return 'top-up + leak';
  if (e.early) return 'early in cycle / new line';
  const dense = line.cadence === 'hourly' || line.cadence === 'hourly-awake';
  const cadence = dense ? 'hourly' : line.cadence === 'daily' ? '1-4/day' : 'rare/irregular';
  return `${e.leakKind} (${cadence})`;
}

function violationsOf(a: LineAnalysis, now: number, clock: Clock, where: string): string[] {
  const out: string[] = [];
  const visit = (v: unknown, path: string) => {
    if (typeof v === 'number' && !Number.isFinite(v)) out.push(`${where}: ${path} not finite`);
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, `${path}.${k}`);
  };
  visit(a, 'analysis');
  const today = dayKey(clock.dayOf(now));
  for (const d of a.daily) {
    if (d.bytes < 0) out.push(`${where}: negative daily`);
    if (d.day > today) out.push(`${where}: daily ${d.day} after today ${today}`);
  }
  for (const x of a.anomalies) if (x.bytes < 0 || x.excessBytes < 0 || x.end > now + 1) out.push(`${where}: anomaly out of range`);
  if (a.projection.status === 'runs-out' && a.projection.exhaustAt !== null && a.projection.exhaustAt < now) out.push(`${where}: run-out date before now`);
  if ((a.projection.spareBytes ?? 0) < 0 || (a.projection.expectedDailyBytes ?? 0) < 0) out.push(`${where}: negative projection`);
  return out;
}

/** When cycle c runs out had nothing that started after `at` happened. */
function truthAt(line: SyntheticLine, c: TrueCycle, at: number): number | null {
  const known = line.events.filter((e) => e.start < at);
  return capReachedAt(line, line.useWith(known), c, capAt(c, known, c.end));
}

function scoreLeaks(line: SyntheticLine, rep: Report, delays: boolean): void {
  const final = analyse(line, line.end);
  const all = line.useWith(line.events);
  const times = [...line.trueAt].sort((a, b) => a - b);
  for (const e of line.events) {
    if (e.kind !== 'leak') continue;
    const without = line.useWith(line.events.filter((x) => x !== e));
    const used = sumUse(line, all, e.start, e.end + HOUR) - sumUse(line, without, e.start, e.end + HOUR);
    if (used <= 0) continue;
    rep.leaks++;
    const hit = final.anomalies.some((a) => touches(a, e, shownLag(line)));
    add(rep.rawRecall, hit);
    const cycle = line.cycles.find((c) => e.start >= c.start && e.start < c.end) ?? line.cycles[0]!;
    const before = times.filter((t) => t <= e.start + line.lagMs).pop();
    const after = times.find((t) => t >= e.end + line.lagMs);
    // The reading after the leak must still show the leak's cycle: after a renewal it is gone.
    if (before === undefined || after === undefined || after - line.lagMs >= cycle.end) continue;
    const cap = cycle.cap;
    const ordinary = sumUse(line, without, before - line.lagMs, after - line.lagMs);
    if (used < DETECTABLE_SHARE * cap || used < DETECTABLE_RATIO * ordinary) continue;
    rep.detectable++;
    add(rep.recall, hit);
    const fam = leakFamily(line, e);
    add((rep.recallBy[fam] ??= tally()), hit);
    if (!hit || !delays) continue;
    // Detection delay: the first of a few later looks at which the warning is there.
    for (const dt of [0, 12, 24, 48, 96]) {
      const look = times.find((t) => t >= after + dt * HOUR);
      if (look === undefined) break;
      if (analyse(line, look).anomalies.some((a) => touches(a, e, shownLag(line)))) {
        rep.delaysH.push((look - (e.end + line.lagMs)) / HOUR);
        break;
      }
    }
  }
  const months = (line.end - line.from) / (30.44 * DAY);
  const fa = final.anomalies.filter((a) => !line.events.some((e) => (e.kind === 'leak' || e.kind === 'download') && touches(a, e, shownLag(line)))).length;
  rep.falseAlarms += fa;
  const f = (rep.falseAlarmsBy[line.family] ??= { alarms: 0, months: 0 });
  f.alarms += fa;
  f.months += months;
  rep.lineMonths += months;
  rep.violations.push(...violationsOf(final, line.end, new Clock(line.timeZone), `seed ${line.seed} end`));
}

function says(p: LineAnalysis['projection'], c: TrueCycle): boolean {
  return p.status === 'exhausted' || (p.status === 'runs-out' && p.exhaustAt !== null && p.exhaustAt < c.end);
}

function verdictRight(p: LineAnalysis['projection'], c: TrueCycle, truth: number | null): boolean {
  return p.status !== 'insufficient-data' && says(p, c) === (truth !== null);
}

function scoreForecasts(line: SyntheticLine, rep: Report, references: boolean, errorFree: boolean): void {
  const clock = new Clock(line.timeZone);
  // Neither the page nor the user says when the line renews: the analysis places it from the readings.
  const renewalUnstated = !line.readings.some((x) => x.periodEnd != null) && line.cycleDay === null;
  for (const c of line.cycles) {
    const checks = CHECK_FRACTIONS.map((f) => c.start + f * (c.end - c.start));
    if (line.family === 'lapsed') checks.push(c.end - DAY);
    for (const now of checks) {
      if (now <= line.from || now >= line.end) continue;
      const readings = observed(line, now);
      const inCycle = line.trueAt.filter((t) => t <= now && t - line.lagMs >= c.start).length;
      if (inCycle < 2) {
        rep.skippedCheckpoints++;
        if (inCycle === 0 && readings.length > 0) {
          const a = analyzeLine(readings, { now, timeZone: line.timeZone, cycleDay: line.cycleDay });
          rep.violations.push(...violationsOf(a, now, clock, `seed ${line.seed} at ${new Date(now).toISOString()} (cycle unread)`));
          add(rep.unreadCycleVerdicts, verdictRight(a.projection, c, truthAt(line, c, now)));
        }
        continue;
      }
      const a = analyzeLine(readings, { now, timeZone: line.timeZone, cycleDay: line.cycleDay });
      rep.violations.push(...violationsOf(a, now, clock, `seed ${line.seed} at ${new Date(now).toISOString()}`));
      const truth = truthAt(line, c, now);
      const p = a.projection;
      const right = verdictRight(p, c, truth);
      if (p.status === 'insufficient-data') rep.insufficient++;
      if (renewalUnstated) {
        add(rep.renewalsPlaced, a.cycle.end !== null && Math.abs(a.cycle.end - c.end) <= 12 * HOUR);
      }
      if (p.status === 'runs-out' && p.exhaustAt !== null && p.exhaustAt >= c.end) rep.runOutsAfterRenewal++;
      const usedSoFar = sumUse(line, line.useWith(line.events.filter((e) => e.start < now)), Math.max(c.start, line.t0), now - line.lagMs);
      const naive = usedSoFar / Math.max(HOUR, now - c.start) * (c.end - c.start) >= c.cap;
      const hard = HARD_FAMILIES.has(line.family) || naive !== (truth !== null);
      add(rep.verdicts, right);
      if (hard) add(rep.hardVerdicts, right);
      if (hard) add((rep.hardVerdictsBy[line.family] ??= tally()), right);
      if (hard && references) {
        const ref = referenceVerdicts(line, c, now);
        add(rep.referenceHard.ceiling, ref.ceiling === (truth !== null));
        add(rep.referenceHard.pastLevel, ref.pastLevel === (truth !== null));
        add(rep.referenceHard.rhythmOnly, ref.rhythmOnly === (truth !== null));
      }
      if (hard && errorFree) {
        const e = analyzeLine(errorFreeReadings(line, now), { now, timeZone: line.timeZone, cycleDay: line.cycleDay }).projection;
        add(rep.errorFreeHard, e.status !== 'insufficient-data' && says(e, c) === (truth !== null));
      }
      add((rep.verdictsBy[line.family] ??= tally()), right);
      if (truth !== null && truth > now && p.status === 'runs-out' && p.exhaustAt !== null) {
        const err = Math.abs(p.exhaustAt - truth) / DAY;
        rep.dateErrors.push(err);
        if (hard) rep.hardDateErrors.push(err);
      }
    }
  }
}

export interface Parts { leaks?: boolean; forecasts?: boolean; delays?: boolean; references?: boolean; errorFree?: boolean }

export function evaluate(seeds: readonly number[], parts: Parts = {}): Report {
  const { leaks = true, forecasts = true, delays = true, references = false, errorFree = false } = parts;
  const rep: Report = {
    lines: seeds.length, lineMonths: 0, leaks: 0, detectable: 0, rawRecall: tally(), recall: tally(), recallBy: {}, delaysH: [],
    falseAlarms: 0, falseAlarmsBy: {}, verdicts: tally(), hardVerdicts: tally(), verdictsBy: {}, hardVerdictsBy: {},
    referenceHard: { ceiling: tally(), pastLevel: tally(), rhythmOnly: tally() }, errorFreeHard: tally(), insufficient: 0, skippedCheckpoints: 0,
    renewalsPlaced: tally(), unreadCycleVerdicts: tally(), runOutsAfterRenewal: 0,
    dateErrors: [], hardDateErrors: [], violations: [],
  };
  for (const seed of seeds) {
    const line = generateLine(seed, familyOf(seed));
    if (leaks) scoreLeaks(line, rep, delays);
    if (forecasts) scoreForecasts(line, rep, references, errorFree);
  }
  return rep;
}

/** Seeds in a range: tuning used 1-999, reports use 100000 on (held out). */
export function seedRange(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
