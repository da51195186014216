// Scores the analysis on synthetic lines: leak recall, false alarms, projection verdicts.
import { analyzeLine, type LineAnalysis } from '../../lib/analysis';
import { DAY, exhaustWithoutLeaksAfter, generateLine, HOUR, type Leak, type SyntheticLine } from './synthetic';

// A leak is detectable when it matters (>= 3 % of the cap) and the user opened the carrier page
// shortly before and after it: otherwise it is drowned in a day or more of ordinary use.
const DETECTABLE_SHARE = 0.03;
const BRACKET_MS = 8 * HOUR;
// An anomaly "touches" a leak when it overlaps the leak's time as the carrier reports it
// (shifted by the line's reporting lag), with an hour of slack for capture jitter.
const SLACK_MS = HOUR;

export interface Report {
  lines: number;
  lineMonths: number;
  leaks: number;
  detectableLeaks: number;
  rawRecall: number;
  detectableRecall: number;
  recallByKind: Record<string, string>;
  falseAlarms: number;
  falseAlarmsPerLineMonth: number;
  verdicts: number;
  /** Against what happened, leaks after the 40 % point included. */
  rawVerdictAccuracy: number;
  /** Against what the line's pace implied at that point (no leak started after it). */
  verdictAccuracy: number;
  insufficient: number;
  /** Cycles judged before any end date was known (first cycle, no stated end or cycle day). */
  unknownEnd: number;
  dateErrors: number;
  medianDateErrorDays: number;
  rawMedianDateErrorDays: number;
}

function touches(a: { start: number; end: number }, l: Leak, lag: number): boolean {
  return a.start < l.end + lag + SLACK_MS && a.end > l.start + lag - SLACK_MS;
}

function detectable(l: Leak, line: SyntheticLine): boolean {
  if (l.bytes < DETECTABLE_SHARE * l.cap) return false;
  const s = l.start + line.lagMs;
  const e = l.end + line.lagMs;
  const ts = line.readings.map((r) => r.capturedAt);
  return ts.some((t) => t <= s && t >= s - BRACKET_MS) && ts.some((t) => t >= e && t <= e + BRACKET_MS);
}

function analyse(line: SyntheticLine, now: number): LineAnalysis {
  const readings = line.readings.filter((r) => r.capturedAt <= now);
  return analyzeLine(readings, { now, timeZone: line.timeZone, cycleDay: line.cycleDay });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

export function evaluate(lineCount = 50, months = 4, firstSeed = 1000): Report {
  let leaks = 0;
  let found = 0;
  let detectableLeaks = 0;
  let detectableFound = 0;
  let falseAlarms = 0;
  let verdicts = 0;
  let right = 0;
  let rawRight = 0;
  let insufficient = 0;
  let unknownEnd = 0;
  const byKind = new Map<string, [number, number]>();
  const errors: number[] = [];
  const rawErrors: number[] = [];
  for (let i = 0; i < lineCount; i++) {
    const line = generateLine(firstSeed + i, { months });
    const full = analyse(line, line.end);
    const real = line.leaks.filter((l) => l.bytes > 0);
    for (const l of real) {
      const hit = full.anomalies.some((a) => touches(a, l, line.lagMs));
      leaks++;
      if (hit) found++;
      if (detectable(l, line)) {
        detectableLeaks++;
        const k = byKind.get(l.kind) ?? [0, 0];
        k[0]++;
        if (hit) {
          detectableFound++;
          k[1]++;
        }
        byKind.set(l.kind, k);
      }
    }
    falseAlarms += full.anomalies.filter((a) => !real.some((l) => touches(a, l, line.lagMs))).length;

    for (const c of line.cycles) {
      const at = c.start + 0.4 * (c.end - c.start);
      const a = analyse(line, at);
      const forecastable = exhaustWithoutLeaksAfter(line, c, at);
      const saysRunsOut = a.projection.status === 'runs-out' || a.projection.status === 'exhausted';
      // Without a stated end, a cycle day or a reset seen, the analysis can only look 31 days
      // ahead; its verdict then answers another question. Counted apart.
      if (a.cycle.end === null) {
        unknownEnd++;
        continue;
      }
      verdicts++;
      if (a.projection.status === 'insufficient-data') insufficient++;
      else {
        if (saysRunsOut === (c.exhaustAt !== null)) rawRight++;
        if (saysRunsOut === (forecastable !== null)) right++;
      }
      if (forecastable !== null && forecastable > at && a.projection.status === 'runs-out' && a.projection.exhaustAt !== null) {
        errors.push(Math.abs(a.projection.exhaustAt - forecastable) / DAY);
      }
      if (c.exhaustAt !== null && c.exhaustAt > at && a.projection.status === 'runs-out' && a.projection.exhaustAt !== null) {
        rawErrors.push(Math.abs(a.projection.exhaustAt - c.exhaustAt) / DAY);
      }
    }
  }
  const recallByKind: Record<string, string> = {};
  for (const [k, [n, f]] of byKind) recallByKind[k] = `${f}/${n}`;
  return {
    lines: lineCount,
    lineMonths: lineCount * months,
    leaks,
    detectableLeaks,
    rawRecall: leaks ? found / leaks : 1,
    detectableRecall: detectableLeaks ? detectableFound / detectableLeaks : 1,
    recallByKind,
    falseAlarms,
    falseAlarmsPerLineMonth: falseAlarms / (lineCount * months),
    verdicts,
    rawVerdictAccuracy: verdicts ? rawRight / verdicts : 1,
    verdictAccuracy: verdicts ? right / verdicts : 1,
    insufficient,
    unknownEnd,
    dateErrors: errors.length,
    medianDateErrorDays: median(errors),
    rawMedianDateErrorDays: median(rawErrors),
  };
}
