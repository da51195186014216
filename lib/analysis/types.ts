// Public shapes of the analysis module. The first fields of each interface are a fixed contract
// with the UI and alerts; everything after them was added for the popup's wording.

export interface AnalysisReading {
  capturedAt: number;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited?: boolean;
  remainingBytes?: number | null;
  periodEnd?: number | null;
  /**
   * When the page says its figure was counted ("actualizado a las 14:05"), if it says so: the
   * figure is placed there, not at the capture (carriers count with a lag; a cached page shows
   * an old figure).
   */
  countedAt?: number | null;
}

export type LeakSensitivity = 'low' | 'normal' | 'high';

export interface AnalysisOptions {
  now: number;
  timeZone?: string;
  cycleDay?: number | null;
  leakSensitivity?: LeakSensitivity;
}

/** Where a cycle boundary came from, so the UI can say "renews on 3 May" or "probably renews". */
export type CycleSource = 'page' | 'cycle-day' | 'reset' | 'inferred' | null;

export type ProjectionStatus = 'insufficient-data' | 'within-cap' | 'runs-out' | 'exhausted' | 'unlimited';

export type AnomalyKind = 'spike' | 'overnight' | 'burn-rate';

export interface Anomaly {
  start: number;
  end: number;
  bytes: number;
  kind: AnomalyKind;
  /** Bytes above what the line usually uses over the same hours. */
  excessBytes: number;
  ratePerHour: number;
  baselinePerHour: number;
  /** Share of the cap used in the window, when the cap is known (0-100). */
  percentOfCap: number | null;
  reason: string;
  /**
   * True when the unusual use is a slow background drain spread over days (a window of two days
   * or more), not a burst; kind then stays 'spike' (or 'overnight') so every consumer can word it.
   */
  slowDrain?: boolean;
}

export interface Projection {
  status: ProjectionStatus;
  exhaustAt: number | null;
  /** Plausible range for exhaustAt; latest is null when the slow case does not run out in time. */
  exhaustRange: { earliest: number; latest: number | null } | null;
  /** Expected unused bytes at renewal (0 when it runs out); null when unknown. */
  spareBytes: number | null;
  /** The daily use the projection assumes (average over a week), null when unknown. */
  expectedDailyBytes: number | null;
  /**
   * Set (true) with status 'exhausted' when no reading shows the cap reached, but the forecast
   * date has passed since the latest reading: "probably used up — open the page to check".
   * exhaustAt is then the forecast date (before now). Absent otherwise.
   */
  likelyUsedUp?: boolean;
  /**
   * Set (true) when the cycle renewed after the latest reading (a stated or inferred end passed
   * unread): no figure of the new cycle is known, and the line's latest figures are the previous
   * cycle's. The projection is then the line's usual pace from the renewal on, against the
   * previous cycle's cap (insufficient-data when the history shows no pace). Absent otherwise.
   */
  renewedUnread?: boolean;
}

export interface LineAnalysis {
  cycle: { start: number | null; end: number | null; startSource: CycleSource; endSource: CycleSource };
  daily: Array<{ day: string; bytes: number }>;
  projection: Projection;
  anomalies: Anomaly[];
  usedBytes: number | null;
  totalBytes: number | null;
  percentUsed: number | null;
  /** % of cap used minus % of cycle elapsed at the latest reading; > 0 means ahead of an even pace. */
  pace: number | null;
  /** Bytes per day that can still be used until renewal. */
  dailyBudgetBytes: number | null;
  /** Bytes per hour of day (local time) on an average day; null when readings are too sparse. */
  hourly: number[] | null;
  lastReadingAt: number | null;
}
