// The bigger scoring run, pasted into DETECTION.md: `npx tsx tests/analysis/score.ts [count]`.
// Tuning used seeds 1-999 (`--tune`); the figures reported are for held-out seeds from 100000.
import { evaluate, seedRange } from './evaluate';
import { table } from './report';

const args = process.argv.slice(2);
const tune = args.includes('--tune');
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 600);
const first = tune ? 1 : 100_000;
const t0 = performance.now();
// --leaks / --forecasts score one half only (quicker while tuning).
const only = args.includes('--leaks') ? { forecasts: false, delays: false } : args.includes('--forecasts') ? { leaks: false } : {};
// --no-references skips the reference forecasters (forecast-references.ts) on the hard cases;
// --error-free also scores the analysis on error-free hourly readings there (slower).
const r = evaluate(seedRange(first, count), { ...only, references: !args.includes('--no-references'), errorFree: args.includes('--error-free') });
console.log(`${tune ? 'tuning' : 'held-out'} seeds ${first}-${first + count - 1}\n`);
console.log(table(r));
if (r.violations.length) console.log(`\nviolations:\n${r.violations.slice(0, 20).join('\n')}`);
console.log(`\n(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
