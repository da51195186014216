// Scoring of analyzeLine against the second generator's truth. Used by score.ts (the report) and
// by second-suite.test.ts (contract and a few behavioural checks).

import { analyzeLine, type Anomaly, type LineAnalysis } from '../../../lib/analysis';
import { Clock, dayKey } from '../../../lib/time/clock';
import { DAY, HOUR } from '../../../lib/time/units';
import { HARD_FAMILIES, readingsAt, type Family, type Line, type TruthLeak } from './generator';

export const CHECKPOINTS = [0.2, 0.4, 0.6] as const;
const MONTH = 30.44 * DAY;

export function analyzeAt(line: Line, now: number): LineAnalysis {
  return analyzeLine(readingsAt(line, now), { now, timeZone: line.zone, cycleDay: line.cycleDayOption });
}

// ---------------------------------------------------------------------------------------------
// Contract.

function walk(v: unknown, path: string, out: Array<[string, number]>): void {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, out);
}

const BYTE_FIELDS = /(^|\.)(bytes|excessBytes|usedBytes|totalBytes|spareBytes|expectedDailyBytes|dailyBudgetBytes|ratePerHour|baselinePerHour)$|^hourly\[/;

/** Every broken promise of the output at `now`, as short messages. */
export function contractViolations(a: LineAnalysis, now: number, timeZone: string): string[] {
  const out: string[] = [];
  const nums: Array<[string, number]> = [];
  walk(a, '', nums);
  for (const [p, x] of nums) {
    if (!Number.isFinite(x)) out.push(`non-finite ${p}=${x}`);
    else if (x < 0 && BYTE_FIELDS.test(p)) out.push(`negative ${p}=${x}`);
  }
  const today = dayKey(new Clock(timeZone).dayOf(now));
  for (const d of a.daily) if (d.day > today) out.push(`daily ${d.day} after today ${today}`);
  for (const x of a.anomalies) if (x.end > now) out.push(`anomaly ends ${((x.end - now) / HOUR).toFixed(1)} h after now`);
  const p = a.projection;
  if (p.status === 'runs-out' && (p.exhaustAt === null || p.exhaustAt < now)) out.push(`runs-out with exhaustAt ${p.exhaustAt === null ? 'null' : `${((now - p.exhaustAt) / HOUR).toFixed(1)} h before now`}`);
  if (p.exhaustRange && p.exhaustRange.earliest < now) out.push(`exhaustRange.earliest ${((now - p.exhaustRange.earliest) / HOUR).toFixed(1)} h before now`);
  if (a.lastReadingAt !== null && a.lastReadingAt > now) out.push(`lastReadingAt ${((a.lastReadingAt - now) / HOUR).toFixed(1)} h after now`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Per-line results.

export interface LeakResult {
  leak: TruthLeak;
  detectable: boolean;
  detected: boolean;
  analysedAt: number;
  /** Leak bytes / ordinary bytes between the bracketing captures. */
  addsShare: number;
  percentOfCap: number;
}

export interface CheckpointResult {
  cycle: number;
  fraction: number;
  at: number;
  status: string;
  predicted: boolean;
  truth: boolean;
  correct: boolean;
  hard: boolean;
  naiveWrong: boolean;
  /** The true (uncut) use at renewal is within 10 % of the cap: a coin-flip verdict. */
  closeCall: boolean;
  exhaustErrorDays: number | null;
  /** Neither the page nor the user states the renewal: the analysis places it from the readings. */
  renewalUnstated: boolean;
  /** The analysis's cycle end is within 12 h of the true renewal. */
  renewalPlaced: boolean;
  /** 'runs-out' shown for a date on or after the true renewal: a warning the plan never reaches. */
  runOutAfterRenewal: boolean;
}

export interface Violation {
  seed: number;
  family: Family;
  at: number;
  message: string;
}

export interface LineResult {
  line: Line;
  calls: number;
  lineMonths: number;
  leaks: LeakResult[];
  falseAlarms: Anomaly[];
  checkpoints: CheckpointResult[];
  violations: Violation[];
}

/** The window a leak may be reported in: its hours ±1 h, the end moved by the carrier's lag. */
export function leakWindow(line: Line, start: number, end: number): [number, number] {
  return [start - HOUR, end + (line.lagHours + 1) * HOUR];
}

function overlaps(a: { start: number; end: number }, lo: number, hi: number): boolean {
  return a.start <= hi && a.end >= lo;
}

/** Is the leak big against the cap and against the ordinary use between the captures around it? */
export function leakDetectability(line: Line, leak: TruthLeak): { detectable: boolean; addsShare: number; percentOfCap: number } {
  const fresh = line.captures.filter((c) => !c.stale && !c.skewed);
  let before: number | null = null;
  let after: number | null = null;
  for (const c of fresh) {
    if (c.figureAt <= leak.start) before = c.figureAt;
    else if (c.figureAt >= leak.end && after === null) after = c.figureAt;
  }
  const percentOfCap = (leak.bytes / leak.capAtStart) * 100;
  // The capture after must show the same cycle: a renewal in between hides the leak's bytes.
  const leakCycle = line.counterAt(leak.end - 1).cycleIndex;
  if (after === null || line.counterAt(after).cycleIndex !== leakCycle) return { detectable: false, addsShare: 0, percentOfCap };
  const from = before ?? Math.min(line.observedFrom, leak.start);
  const ordinary = Math.max(1, line.usedBetween(from, after) - leak.bytes);
  const addsShare = leak.bytes / ordinary;
  return { detectable: percentOfCap >= 3 && addsShare >= 0.6, addsShare, percentOfCap };
}

export function scoreLine(line: Line): LineResult {
  const violations: Violation[] = [];
  const cache = new Map<number, LineAnalysis>();
  let calls = 0;
  const run = (now: number): LineAnalysis => {
    const hit = cache.get(now);
    if (hit) return hit;
    const a = analyzeAt(line, now);
    calls++;
    for (const m of contractViolations(a, now, line.zone)) violations.push({ seed: line.seed, family: line.family, at: now, message: m });
    cache.set(now, a);
    return a;
  };

  // Run-out verdicts.
  const checkpoints: CheckpointResult[] = [];
  const faPool: Anomaly[] = [];
  line.cycles.forEach((c, ci) => {
    for (const f of CHECKPOINTS) {
      const at = Math.round(c.start + f * (c.end - c.start));
      if (at < line.observedFrom + DAY || at > line.endAt) continue;
      const a = run(at);
      faPool.push(...a.anomalies);
      const o = line.outlook(at);
      if (o.afterDrop) continue;
      const p = a.projection;
      const predicted =
        (p.status === 'exhausted' && (p.exhaustAt === null || p.exhaustAt < o.renewal)) ||
        (p.status === 'runs-out' && p.exhaustAt !== null && p.exhaustAt < o.renewal);
      const truth = o.runsOut;
      const correct = p.status !== 'insufficient-data' && predicted === truth;
      const elapsed = Math.max(HOUR, at - o.cycleStart);
      const naive = o.counter >= o.cap - 1 || (o.counter / elapsed) * (o.renewal - o.cycleStart) > o.cap;
      const naiveWrong = naive !== truth;
      const hard = HARD_FAMILIES.has(line.family) || naiveWrong;
      const exhaustErrorDays = predicted && truth && p.exhaustAt !== null && o.exhaustAt !== null ? Math.abs(p.exhaustAt - o.exhaustAt) / DAY : null;
      const closeCall = Math.abs(o.demandAtRenewal - 1) < 0.1;
      const renewalUnstated = !line.statesPeriodEnd && line.cycleDayOption === null;
      const renewalPlaced = a.cycle.end !== null && Math.abs(a.cycle.end - o.renewal) <= 12 * HOUR;
      const runOutAfterRenewal = p.status === 'runs-out' && p.exhaustAt !== null && p.exhaustAt >= o.renewal;
      checkpoints.push({
        cycle: ci, fraction: f, at, status: p.status, predicted, truth, correct, hard, naiveWrong, closeCall, exhaustErrorDays,
        renewalUnstated, renewalPlaced, runOutAfterRenewal,
      });
    }
  });

  // Leaks: analysed at the first capture a day after the leak (or at the end of the line).
  const leaks: LeakResult[] = line.leaks.map((leak) => {
    const next = line.captures.find((c) => c.realAt >= leak.end + DAY);
    const at = next ? next.realAt : line.endAt;
    const a = run(at);
    const [lo, hi] = leakWindow(line, leak.start, leak.end);
    const detected = a.anomalies.some((x) => overlaps(x, lo, hi));
    return { leak, ...leakDetectability(line, leak), detected, analysedAt: at };
  });

  // False alarms: anomalies at the end and at the checkpoints that overlap no leak and no download.
  faPool.push(...run(line.endAt).anomalies);
  const excused: Array<[number, number]> = [
    ...line.leaks.map((l) => leakWindow(line, l.start, l.end)),
    ...line.events.filter((e) => e.kind === 'download').map((e) => leakWindow(line, e.start, e.end)),
  ];
  const falseAlarms: Anomaly[] = [];
  for (const x of faPool.sort((a, b) => a.start - b.start)) {
    if (excused.some(([lo, hi]) => overlaps(x, lo, hi))) continue;
    if (falseAlarms.some((y) => overlaps(x, y.start, y.end))) continue;
    falseAlarms.push(x);
  }

  return { line, calls, lineMonths: (line.endAt - line.observedFrom) / MONTH, leaks, falseAlarms, checkpoints, violations };
}

// ---------------------------------------------------------------------------------------------
// Aggregates.

export interface Summary {
  lines: number;
  lineMonths: number;
  leaks: number;
  detectable: number;
  detectedDetectable: number;
  detectedRaw: number;
  falseAlarms: number;
  checkpoints: number;
  correct: number;
  hard: number;
  hardCorrect: number;
  clear: number;
  clearCorrect: number;
  insufficient: number;
  byFraction: Record<string, { n: number; correct: number }>;
  truthYes: number;
  truthYesCorrect: number;
  truthNo: number;
  truthNoCorrect: number;
  dateErrors: number[];
  /** Checkpoints on lines that state no renewal, and those where the analysis placed it within 12 h. */
  unstatedRenewals: number;
  renewalsPlaced: number;
  runOutsAfterRenewal: number;
  violations: number;
  calls: number;
}

export function summarize(results: LineResult[]): Summary {
  const s: Summary = {
    lines: results.length, lineMonths: 0, leaks: 0, detectable: 0, detectedDetectable: 0, detectedRaw: 0, falseAlarms: 0,
    checkpoints: 0, correct: 0, hard: 0, hardCorrect: 0, clear: 0, clearCorrect: 0, insufficient: 0, byFraction: {}, truthYes: 0, truthYesCorrect: 0,
    truthNo: 0, truthNoCorrect: 0, dateErrors: [], unstatedRenewals: 0, renewalsPlaced: 0, runOutsAfterRenewal: 0, violations: 0, calls: 0,
  };
  for (const r of results) {
    s.lineMonths += r.lineMonths;
    s.calls += r.calls;
    s.violations += r.violations.length;
    s.falseAlarms += r.falseAlarms.length;
    for (const l of r.leaks) {
      s.leaks++;
      if (l.detected) s.detectedRaw++;
      if (l.detectable) {
        s.detectable++;
        if (l.detected) s.detectedDetectable++;
      }
    }
    for (const c of r.checkpoints) {
      s.checkpoints++;
      if (c.correct) s.correct++;
      if (c.status === 'insufficient-data') s.insufficient++;
      if (!c.closeCall) {
        s.clear++;
        if (c.correct) s.clearCorrect++;
      }
      if (c.hard) {
        s.hard++;
        if (c.correct) s.hardCorrect++;
      }
      const k = `${Math.round(c.fraction * 100)}%`;
      const b = (s.byFraction[k] ??= { n: 0, correct: 0 });
      b.n++;
      if (c.correct) b.correct++;
      if (c.truth) {
        s.truthYes++;
        if (c.correct) s.truthYesCorrect++;
      } else {
        s.truthNo++;
        if (c.correct) s.truthNoCorrect++;
      }
      if (c.exhaustErrorDays !== null) s.dateErrors.push(c.exhaustErrorDays);
      if (c.renewalUnstated) {
        s.unstatedRenewals++;
        if (c.renewalPlaced) s.renewalsPlaced++;
      }
      if (c.runOutAfterRenewal) s.runOutsAfterRenewal++;
    }
  }
  return s;
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Non-leak events a false alarm touches (what a developer should look at first). */
export function eventsTouching(line: Line, x: { start: number; end: number }): string[] {
  const out = new Set<string>();
  const lag = (line.lagHours + 1) * HOUR;
  for (const e of line.events) {
    if (e.kind === 'weekly') continue;
    if (e.kind === 'habit') {
      // A lower habit makes the weeks before it look heavy; a higher one makes the weeks after it.
      if ((e.factor ?? 1) < 1 ? x.start < e.start + lag : x.end > e.start - HOUR) out.add('habit');
      continue;
    }
    const lo = e.start - HOUR;
    const hi = e.end + lag;
    if (x.start <= hi && x.end >= lo) out.add(e.kind);
  }
  for (const c of line.cycles) if (x.start <= c.start + lag && x.end >= c.start - HOUR) out.add('renewal');
  for (const t of line.dstChanges) if (x.start <= t + lag && x.end >= t - HOUR) out.add('dst');
  const hours = (x.end - x.start) / HOUR;
  if (out.size === 0) out.add(hours >= 20 ? 'ordinary (long window)' : 'ordinary');
  return [...out];
}
