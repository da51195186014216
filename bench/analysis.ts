// Benchmark: analysing one line with a year of hourly readings (8,760, monthly cycles).
// Budget: 50 ms median in Node. Run alone with `npx tsx bench/analysis.ts`.
import { analyzeLine, type AnalysisReading } from '../lib/analysis';

const HOUR = 3_600_000;
const MB = 2 ** 20;

/** Deterministic year of hourly readings with an evening-heavy rhythm and monthly resets. */
function yearOfReadings(): AnalysisReading[] {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const start = Date.UTC(2024, 0, 1);
  const readings: AnalysisReading[] = [];
  let used = 0;
  let month = 0;
  for (let h = 0; h < 8760; h++) {
    const t = start + h * HOUR;
    const date = new Date(t);
    if (date.getUTCMonth() !== month) {
      month = date.getUTCMonth();
      used = 0;
    }
    const hour = date.getUTCHours();
    const rate = hour >= 18 && hour <= 22 ? 60 : hour >= 1 && hour < 6 ? 3 : 20;
    used += rate * MB * (0.5 + rand());
    readings.push({ capturedAt: t + Math.floor(rand() * 300_000), usedBytes: Math.round(used), totalBytes: 20 * 1024 * MB });
  }
  return readings;
}

export async function measure(): Promise<Record<string, number>> {
  const readings = yearOfReadings();
  const options = { now: Date.UTC(2025, 0, 1), timeZone: 'Europe/Madrid' };
  for (let i = 0; i < 5; i++) analyzeLine(readings, options);
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    analyzeLine(readings, options);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { analysis_ms_1y: Math.round(times[Math.floor(times.length / 2)]! * 100) / 100 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measure().then((r) => console.log(r));
}
