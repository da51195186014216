import type { PageReading, ParseResult } from '../vocabulary/reading';

/**
 * Run by the background (lib/background/handle-content-message.ts), which receives the page's
 * readings and its raw JSON answers in one message.
 * One reading per line and bucket when the page's JSON and its rendered text both give one: the
 * JSON's figures win (they are what the page renders from, before any rounding), and the DOM's
 * reading fills only what the JSON does not say (the line number, plan name, dates). Readings
 * only one source gives are kept. Each reading records its source in `via`.
 *
 * Identity: JSON answers often leave out the number (Telcel's prepaid call sends it in the
 * request, not the answer). When the page shows exactly one line, JSON readings without a number
 * belong to it; otherwise they stay unnumbered, as the DOM adapters' readings do.
 */
export function mergeReadings(dom: readonly PageReading[], json: readonly PageReading[]): PageReading[] {
  const lines = new Set(dom.map(identity));
  const sole = lines.size === 1 ? dom[0] : undefined;
  const remaining = dom.map((r): PageReading => ({ ...r, via: 'dom' }));
  const merged: PageReading[] = [];
  for (const reading of json) {
    const own: PageReading = sole && reading.lineDigits === null ? { ...reading, lineDigits: sole.lineDigits, planName: reading.planName ?? sole.planName } : reading;
    const at = remaining.findIndex((d) => d.bucket === own.bucket && identity(d) === identity(own));
    const twin = at >= 0 ? remaining.splice(at, 1)[0] : undefined;
    merged.push(twin ? fillFrom(own, twin) : { ...own, via: 'json' });
  }
  return [...merged, ...remaining];
}

function identity(r: PageReading): string {
  return r.lineDigits ?? (r.planName ? `plan:${r.planName.trim().toLowerCase()}` : '');
}

function fillFrom(json: PageReading, dom: PageReading): PageReading {
  const periodFromDom = json.periodEnd === null && dom.periodEnd !== null;
  return {
    ...json,
    planName: json.planName ?? dom.planName,
    periodEnd: periodFromDom ? dom.periodEnd : json.periodEnd,
    ...(periodFromDom ? (dom.periodEndKind ? { periodEndKind: dom.periodEndKind } : {}) : {}),
    pageSaysUpdatedAt: json.pageSaysUpdatedAt ?? dom.pageSaysUpdatedAt,
    via: 'json',
  };
}

/**
 * What a read of the page says, given the DOM adapter's result and the latest JSON verdict (null
 * when no JSON answer was seen lately). Signed out in either source wins: figures next to a
 * sign-in form, or a JSON answer saying the session is gone, are stale.
 */
export function combineResults(dom: ParseResult, json: ParseResult | null): ParseResult {
  if (!json) return dom.ok ? { ok: true, readings: dom.readings.map((r) => ({ ...r, via: 'dom' as const })) } : dom;
  if (!dom.ok && dom.reason === 'logged-out') return dom;
  if (!json.ok) return json.reason === 'logged-out' ? json : dom;
  return { ok: true, readings: mergeReadings(dom.ok ? dom.readings : [], json.readings) };
}
