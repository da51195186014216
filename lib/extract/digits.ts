/**
 * The last digits of a phone number shown on a page, to tell lines apart. We never keep the whole
 * number (privacy): at most 4 digits leave this function, and pages that mask all but 2-3 digits
 * ("6XX XXX 012") give just those.
 */
import { parseUnit } from './units';

// A run of digit groups (with X/x/*/• masks) separated by one space, nbsp, dash or dot (never a
// line break: visibleText puts separate blocks on separate lines), with an
// optional +country code and (area) part. Must not touch letters or digits on either side.
const MASK = 'Xx*•·●∗';
const GROUP = `[\\d${MASK}]{1,15}`;
const RUN_RE = new RegExp(
  `(?<![\\p{L}\\p{N}${MASK}.,])(\\+\\s?)?(?:\\(\\d{1,4}\\)[ \\u00A0.-]?)?${GROUP}(?:[ \\u00A0\\u202F.-]${GROUP})*(?![\\p{L}\\p{N}${MASK}]|[.,]\\d)`,
  'gu',
);

/** Dates and Chilean RUTs look like digit runs but are not phone numbers. */
const NOT_PHONE = [
  /^\d{4}[./-]\d{1,2}[./-]\d{1,2}$/,
  /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/,
  /^\d{1,2}\.\d{3}\.\d{3}-?$/,
];

/** What follows the run: a unit, currency or percent makes it a figure, not a number to call. */
const FIGURE_AFTER = /^[\s\u00A0\u202F]?([A-Za-zÀ-ÿ]+|[€$%]|-[\dkK])/;

function isPhoneLike(run: string, after: string): string | null {
  const trimmed = run.trim();
  if (NOT_PHONE.some((re) => re.test(trimmed))) return null;
  // Dots only in the French pair style (06.00.00.00.12); "12.345.678" is money or an id.
  if (trimmed.includes('.') && !/^[\d+X*•·●∗x]{2}(?:\.[\dXx*•·●∗]{2})+$/.test(trimmed)) return null;
  const follow = FIGURE_AFTER.exec(after);
  if (follow?.[1] && (parseUnit(follow[1]) !== null || /^[€$%]|^-/.test(follow[1]))) return null;
  const symbols = trimmed.replace(/[^\dXx*•·●∗]/g, '');
  if (symbols.length < 8 || symbols.length > 15) return null;
  // Every group must have digits or masks only; a run of all masks has nothing to tell.
  const tail = /\d+$/.exec(symbols)?.[0] ?? '';
  if (tail.length < 2) return null;
  return tail.slice(-4);
}

/**
 * Whether `text` has room for a phone number at all: 8 digits or masks, 2 of them digits. Most
 * lines of a page have far fewer, and this costs much less than the run regex. Removing or
 * spacing out characters never turns a false into a true.
 */
export function mayHoldNumber(text: string): boolean {
  return ROOM.test(text) && TWO_DIGITS.test(text);
}
// Anchored, over disjoint classes: one pass, no retries.
const ROOM = new RegExp(`^(?:[^\\d${MASK}]*[\\d${MASK}]){8}`);
const TWO_DIGITS = /^\D*\d\D*\d/;

export function lineDigits(text: string): string | null {
  return phoneRuns(text)[0]?.digits ?? null;
}

/** Every phone-like run of `text`: where it starts, what it says, and its last ≤ 4 digits. */
export function phoneRuns(text: string): Array<{ index: number; run: string; digits: string }> {
  if (!mayHoldNumber(text)) return [];
  const out: Array<{ index: number; run: string; digits: string }> = [];
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(text); m !== null; m = RUN_RE.exec(text)) {
    // A bare X-word ("XXL", "x2") is not a masked number: the run must contain a digit.
    if (!/\d/.test(m[0])) continue;
    const digits = isPhoneLike(m[0], text.slice(m.index + m[0].length, m.index + m[0].length + 16));
    if (digits !== null) out.push({ index: m.index, run: m[0].trim(), digits });
  }
  return out;
}
