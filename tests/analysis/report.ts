// Text tables of a detection Report, shared by the report test and the scoring script.
import { median, type Report, type Tally } from './evaluate';

const rate = (t: Tally) => (t.n ? t.k / t.n : Number.NaN);
const pct = (t: Tally) => `${(100 * rate(t)).toFixed(1)} % (${t.k}/${t.n})`;

export interface Figures {
  recall: number;
  falseAlarmsPerLineMonth: number;
  verdicts: number;
  hardVerdicts: number;
  medianDateErrorDays: number;
  hardMedianDateErrorDays: number;
}

export function figures(r: Report): Figures {
  return {
    recall: rate(r.recall),
    falseAlarmsPerLineMonth: r.falseAlarms / Math.max(1e-9, r.lineMonths),
    verdicts: rate(r.verdicts),
    hardVerdicts: rate(r.hardVerdicts),
    medianDateErrorDays: median(r.dateErrors),
    hardMedianDateErrorDays: median(r.hardDateErrors),
  };
}

function rows(list: Array<[string, string, string?]>): string {
  const w0 = Math.max(...list.map((x) => x[0].length));
  const w1 = Math.max(...list.map((x) => x[1].length));
  return list.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c ?? ''}`.trimEnd()).join('\n');
}

export function table(r: Report): string {
  const f = figures(r);
  const within24 = r.delaysH.filter((h) => h <= 24).length;
  const main = rows([
    ['lines / line-months', `${r.lines} / ${r.lineMonths.toFixed(0)}`],
    ['leaks (that used data) / detectable', `${r.leaks} / ${r.detectable}`, '>= 3 % of cap and adds >= 60 % to the use between the readings around it'],
    ['raw recall (all leaks)', pct(r.rawRecall)],
    ['recall (detectable leaks)', pct(r.recall)],
    ['detection delay after the next reading', `median ${median(r.delaysH).toFixed(1)} h`, `${within24}/${r.delaysH.length} within 24 h`],
    ['false alarms per line-month', f.falseAlarmsPerLineMonth.toFixed(3), `${r.falseAlarms} in ${r.lineMonths.toFixed(0)} line-months`],
    ['verdicts right (all checkpoints)', pct(r.verdicts), `${r.insufficient} insufficient-data counted wrong; ${r.skippedCheckpoints} skipped (< 2 readings in cycle)`],
    ['verdicts right (hard cases)', pct(r.hardVerdicts)],
    ...(r.errorFreeHard.n ? [
      ['  the analysis fed error-free hourly readings', pct(r.errorFreeHard), 'every hour, exact count, no lag, period end stated'] as [string, string, string],
    ] : []),
    ...(r.referenceHard.ceiling.n ? [
      ['  reference told the true rhythm, level of the last 28 days', pct(r.referenceHard.rhythmOnly), 'error-free use; nothing told of trips, habits, leaks'] as [string, string, string],
      ['  ... and told the events under way', pct(r.referenceHard.pastLevel), "a trip's end, a habit change's size, a leak's rest"] as [string, string, string],
      ['  reference told the true rhythm and level (ceiling)', pct(r.referenceHard.ceiling), 'only the noise to come unknown'] as [string, string, string],
    ] : []),
    ['renewal placed within 12 h (nothing states it)', pct(r.renewalsPlaced), 'no period end on the page, no cycle day'],
    ['verdicts right (cycle not read yet)', pct(r.unreadCycleVerdicts), 'renewed after the latest reading; skipped above'],
    ["'runs out' shown after the true renewal", String(r.runOutsAfterRenewal), 'a date the plan never reaches (scored as "lasts")'],
    ['median date error (all)', `${f.medianDateErrorDays.toFixed(2)} d`, `n=${r.dateErrors.length}`],
    ['median date error (hard cases)', `${f.hardMedianDateErrorDays.toFixed(2)} d`, `n=${r.hardDateErrors.length}`],
    ['contract violations', String(r.violations.length), 'non-finite, negative, run-out before now, daily after today'],
  ]);
  const byLeak = rows(Object.entries(r.recallBy).sort().map(([k, t]) => [`  ${k}`, pct(t)]));
  const byFa = rows(Object.entries(r.falseAlarmsBy).sort().map(([k, v]) => [`  ${k}`, (v.alarms / Math.max(1e-9, v.months)).toFixed(3), `${v.alarms} in ${v.months.toFixed(0)} line-months`]));
  const byVerdict = rows(Object.entries(r.verdictsBy).sort().map(([k, t]) => [`  ${k}`, pct(t), r.hardVerdictsBy[k] ? `hard cases ${pct(r.hardVerdictsBy[k]!)}` : '']));
  return `${main}\n\nrecall by leak family\n${byLeak}\n\nfalse alarms per line-month by line family\n${byFa}\n\nverdicts right by line family (all checkpoints; hard cases)\n${byVerdict}`;
}
