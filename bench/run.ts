import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Budgets from the issues; a figure over budget is marked but does not fail the run. */
const BUDGETS: Record<string, number> = {
  popup_js_gzip_kb: 50,
  content_js_gzip_kb: 20,
  main_world_js_gzip_kb: 3,
  popup_ready_ratio: 1.5,
  analysis_ms_1y: 50,
  content_parse_ms: 5,
  popup_chart_ms: 250,
  refresh_ms_50_lines: 500,
  content_busy_page_ms: 3_000,
};
const NOT_METRICS = new Set(['run.ts', 'stats.ts', 'parse-entry.ts']);

const results: Record<string, number> = {};
const dir = join(process.cwd(), 'bench');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !NOT_METRICS.has(f)).sort()) {
  const module = (await import(join(dir, file))) as { measure?: () => Promise<Record<string, number>> };
  if (typeof module.measure !== 'function') continue;
  Object.assign(results, await module.measure());
}
writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('metric'.padEnd(24), 'value'.padStart(10), 'budget'.padStart(10));
for (const [metric, value] of Object.entries(results)) {
  const budget = BUDGETS[metric];
  const flag = budget === undefined ? '' : value <= budget ? '  ok' : '  OVER';
  console.log(metric.padEnd(24), String(value).padStart(10), String(budget ?? '').padStart(10) + flag);
}
