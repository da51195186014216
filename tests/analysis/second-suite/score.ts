// Second-suite report: npx tsx tests/analysis/second-suite/score.ts [count] [firstSeed]
// Generates `count` lines (default 300) from seeds firstSeed.. (default 70001), scores analyzeLine
// against their truth and prints overall and per-family figures plus the cases to dig into.

import { DAY } from '../../../lib/time/units';
import { FAMILIES, generateLine } from './generator';
import { eventsTouching, median, scoreLine, summarize, type LineResult, type Summary } from './scoring';

const count = Math.max(1, Number(process.argv[2] ?? 300) || 300);
const firstSeed = Number(process.argv[3] ?? 70001) || 70001;

const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const frac = (a: number, b: number) => `${a}/${b}`;

function row(name: string, s: Summary): string {
  const med = median(s.dateErrors);
  return [
    name.padEnd(18),
    String(s.lines).padStart(5),
    s.lineMonths.toFixed(1).padStart(7),
    `${pct(s.detectedDetectable, s.detectable)} ${frac(s.detectedDetectable, s.detectable).padStart(7)}`,
    `${pct(s.detectedRaw, s.leaks)}`,
    String(s.falseAlarms).padStart(5),
    (s.lineMonths > 0 ? s.falseAlarms / s.lineMonths : 0).toFixed(2).padStart(7),
    `${pct(s.correct, s.checkpoints)} ${frac(s.correct, s.checkpoints).padStart(7)}`,
    `${pct(s.hardCorrect, s.hard)} ${frac(s.hardCorrect, s.hard).padStart(7)}`,
    (med === null ? '-' : med.toFixed(2)).padStart(6) + ` (${s.dateErrors.length})`.padEnd(6),
    String(s.violations).padStart(5),
  ].join(' | ');
}

const started = Date.now();
const results: LineResult[] = [];
for (let i = 0; i < count; i++) {
  const seed = firstSeed + i;
  const line = generateLine(seed);
  results.push(scoreLine(line));
}
const elapsed = (Date.now() - started) / 1000;

const all = summarize(results);
console.log(`second suite: ${count} lines, seeds ${firstSeed}..${firstSeed + count - 1}, ${all.calls} analysis calls, ${elapsed.toFixed(1)} s`);
console.log('');
console.log(
  [
    'family'.padEnd(18), 'lines', 'line-mo', 'recall (detectable)  ', 'raw rec', '   FA', 'FA/l-mo', 'run-out verdicts     ', 'hard cases           ', 'med |dt| d  ', 'viol',
  ].join(' | '),
);
console.log(row('ALL', all));
for (const f of FAMILIES) {
  const rs = results.filter((r) => r.line.family === f);
  if (rs.length > 0) console.log(row(f, summarize(rs)));
}
console.log('');
console.log(
  `run-out verdicts by checkpoint: ${Object.entries(all.byFraction).map(([k, v]) => `${k} ${pct(v.correct, v.n).trim()} (${v.correct}/${v.n})`).join(', ')}; ` +
    `truth runs out: ${pct(all.truthYesCorrect, all.truthYes).trim()} right (${all.truthYesCorrect}/${all.truthYes}), ` +
    `truth within cap: ${pct(all.truthNoCorrect, all.truthNo).trim()} right (${all.truthNoCorrect}/${all.truthNo}); insufficient-data ${all.insufficient}`,
);
console.log(`verdicts away from close calls (true use at renewal not within 10 % of the cap): ${pct(all.clearCorrect, all.clear).trim()} (${all.clearCorrect}/${all.clear})`);
const naiveWrong = results.flatMap((r) => r.checkpoints.filter((c) => c.naiveWrong));
console.log(`checkpoints where the naive even pace is wrong: ${naiveWrong.length}, analysis right on ${naiveWrong.filter((c) => c.correct).length}`);
const p90 = (() => {
  const s = all.dateErrors.slice().sort((a, b) => a - b);
  return s.length ? s[Math.floor(0.9 * (s.length - 1))]!.toFixed(2) : '-';
})();
console.log(`exhaustAt error (days): median ${median(all.dateErrors)?.toFixed(2) ?? '-'}, p90 ${p90}, n ${all.dateErrors.length}`);
console.log(`renewal placed within 12 h where nothing states it: ${pct(all.renewalsPlaced, all.unstatedRenewals).trim()} (${all.renewalsPlaced}/${all.unstatedRenewals}); 'runs out' shown for a date on or after the true renewal: ${all.runOutsAfterRenewal}`);

// Per cadence, recall and false alarms (which way the families lean).
console.log('');
console.log('by cadence:');
for (const cad of ['hourly', 'awake', 'every-few-days', 'irregular'] as const) {
  const s = summarize(results.filter((r) => r.line.cadence === cad));
  console.log(
    `  ${cad.padEnd(15)} lines ${String(s.lines).padStart(3)}  recall ${pct(s.detectedDetectable, s.detectable)} (${s.detectedDetectable}/${s.detectable})  FA/l-mo ${(s.falseAlarms / Math.max(1e-9, s.lineMonths)).toFixed(2)}  verdicts ${pct(s.correct, s.checkpoints)}`,
  );
}

const faCauses = new Map<string, number>();
for (const r of results) for (const x of r.falseAlarms) for (const k of eventsTouching(r.line, x)) faCauses.set(k, (faCauses.get(k) ?? 0) + 1);
const faKinds = new Map<string, number>();
for (const r of results) for (const x of r.falseAlarms) {
  const k = `${x.kind}${x.slowDrain ? '/drain' : ''}`;
  faKinds.set(k, (faKinds.get(k) ?? 0) + 1);
}
console.log(`false alarms by what they touch: ${[...faCauses].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`false alarms by kind: ${[...faKinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);

console.log('');
console.log('contract violations (first 20):');
const vs = results.flatMap((r) => r.violations);
if (vs.length === 0) console.log('  none');
for (const v of vs.slice(0, 20)) console.log(`  seed ${v.seed} ${v.family} at ${new Date(v.at).toISOString()}: ${v.message}`);
if (vs.length > 20) console.log(`  ... ${vs.length - 20} more`);

console.log('');
console.log('worst false-alarm lines (10):');
const worst = results.filter((r) => r.falseAlarms.length > 0).sort((a, b) => b.falseAlarms.length / b.lineMonths - a.falseAlarms.length / a.lineMonths).slice(0, 10);
for (const r of worst) {
  const kinds = r.falseAlarms.map((x) => `${x.kind}${x.slowDrain ? '(drain)' : ''} ${new Date(x.start).toISOString().slice(5, 16)} ${((x.end - x.start) / 3_600_000).toFixed(0)}h ${x.percentOfCap?.toFixed(1) ?? '?'}%`).slice(0, 3);
  const evs = [...new Set(r.falseAlarms.flatMap((x) => eventsTouching(r.line, x)))].join(',');
  console.log(`  seed ${r.line.seed} ${r.line.family} ${r.line.cadence}: ${r.falseAlarms.length} in ${r.lineMonths.toFixed(1)} mo [touching ${evs}] e.g. ${kinds.join('; ')}`);
}

console.log('');
console.log('missed detectable leaks:');
let missed = 0;
for (const r of results) {
  for (const l of r.leaks) {
    if (!l.detectable || l.detected) continue;
    missed++;
    console.log(
      `  seed ${r.line.seed} ${r.line.family} ${l.leak.kind} ${new Date(l.leak.start).toISOString().slice(0, 16)} ${((l.leak.end - l.leak.start) / 3_600_000).toFixed(0)}h ` +
        `${l.percentOfCap.toFixed(1)}% of cap, +${(l.addsShare * 100).toFixed(0)}% over ordinary${l.leak.bytes < 0.98 * l.leak.plannedBytes ? ' (line cut at cap during it)' : ''}, ${r.line.cadence}${r.line.remainingOnly ? ' remaining-only' : ''}, analysed ${((l.analysedAt - l.leak.end) / DAY).toFixed(1)} d after`,
    );
  }
}
if (missed === 0) console.log('  none');

console.log('');
console.log('wrong run-out verdicts, hard cases (first 15):');
let shown = 0;
for (const r of results) {
  for (const c of r.checkpoints) {
    if (c.correct || !c.hard || shown >= 15) continue;
    shown++;
    console.log(`  seed ${r.line.seed} ${r.line.family} cycle ${c.cycle} at ${Math.round(c.fraction * 100)}%: ${c.status}, said ${c.predicted ? 'runs out' : 'lasts'}, truth ${c.truth ? 'runs out' : 'lasts'}${c.naiveWrong ? ' (naive pace wrong too)' : ''}`);
  }
}
