/**
 * Data-size units and "<number> <unit>" amounts in free text.
 *
 * Carriers disagree on 1 GB = 1000 or 1024 MB, so the base is always passed in by the caller
 * (the adapter records its carrier's convention) and never guessed here.
 */
import { MAX_NUMBER, numberReadings, type NumberLocale } from './numbers';
import { FRENCH } from './page-languages';

export type SizeUnit = 'B' | 'KB' | 'MB' | 'GB' | 'TB';

const POWER: Record<SizeUnit, number> = { B: 0, KB: 1, MB: 2, GB: 3, TB: 4 };

/** Figures above this many bytes (a petabyte) are treated as misreadings and dropped. */
export const MAX_BYTES = 1e15;

// Single letters are matched case-sensitively: "m"/"g"/"t" are minutes, grams, tonnes; "k" is
// allowed since "5k" only ever means kilo. French o-units: "Go" as written, "GO"/"go" allowed
// here (an explicit unit field), but see AMOUNT_UNITS for running text.
const EXACT: Record<string, SizeUnit> = { B: 'B', K: 'KB', k: 'KB', M: 'MB', G: 'GB', T: 'TB' };
// Words portals actually write next to a phone allowance; rarer spellings (kilooctets, terabytes)
// are left out to keep every carrier's content script small.
const CASELESS: Record<string, SizeUnit> = {
  b: 'B',
  byte: 'B',
  bytes: 'B',
  kb: 'KB',
  mb: 'MB',
  mib: 'MB',
  mega: 'MB',
  megas: 'MB',
  megabyte: 'MB',
  megabytes: 'MB',
  gb: 'GB',
  gib: 'GB',
  giga: 'GB',
  gigas: 'GB',
  gigabyte: 'GB',
  gigabytes: 'GB',
  tb: 'TB',
  // French: octets (Orange / Sosh); only the scripts that read French carry them.
  ...(FRENCH
    ? { o: 'B', octet: 'B', octets: 'B', ko: 'KB', mo: 'MB', mégaoctets: 'MB', megaoctets: 'MB', go: 'GB', gigaoctets: 'GB', to: 'TB' }
    : {}),
};

/**
 * Every unit word the grammar knows (lower case), for the redacted sample's allow-list. Only the
 * background reads it: marked pure so the bundler drops it from the content scripts, which it
 * cannot otherwise tell a call without side effects.
 */
export const UNIT_WORDS: readonly string[] = /* @__PURE__ */ Object.keys(CASELESS);

export function parseUnit(text: string): SizeUnit | null {
  const t = text.trim().replace(/\.$/, '');
  const exact = EXACT[t];
  if (exact) return exact;
  // A bare lowercase "b" is bits in networking; refuse it rather than be off by 8.
  if (t === 'b') return null;
  return CASELESS[t.toLowerCase()] ?? null;
}

/**
 * Stricter unit check for running text, where ordinary words follow numbers: "5 to 10 GB",
 * "3 go", "2 o" must not become sizes. French o-units need their capital (Ko, Mo, Go, To) and
 * "To" only counts on French pages.
 */
function amountUnit(word: string, locale: NumberLocale): SizeUnit | null {
  if (word === 'o' || word === 'O' || word === 'b') return null;
  // "25k" in running text is money or a count ("$25k", "10k pasos"); pages write KB for sizes.
  // A lone "B" is a grade, a plan or a stray letter: no carrier counts data in single bytes.
  if (word === 'k' || word === 'K' || word === 'B') return null;
  if (/^[kmgt]o$/i.test(word)) {
    if (!/^[KMGT][oO]$/.test(word)) return null;
    if (word[0] === 'T' && locale !== 'fr-FR') return null;
  }
  return parseUnit(word);
}

export function toBytes(value: number, unit: SizeUnit, base: 1000 | 1024): number {
  // Garbage in must not become NaN or negative bytes downstream; 0 is the visible "nothing".
  if (!Number.isFinite(value) || value <= 0) return 0;
  const bytes = Math.round(value * base ** POWER[unit]);
  return Number.isFinite(bytes) ? bytes : 0;
}

export interface Amount {
  /** Best reading of the number for the locale (= readings[0]). */
  value: number;
  unit: SizeUnit;
  /** Integer bytes of `value` in `unit`. */
  bytes: number;
  /** Position and extent of the match in the searched text. */
  index: number;
  length: number;
  text: string;
  /** Every plausible numeric reading, best-first; readings[0] === value. */
  readings: number[];
}

// A number (digits with . , or space-like separators between digit groups), an optional single
// space, then a whole Latin word. Matching the whole word lets "Mois", "Mbps", "meses" fail as a
// unit instead of leaking "Mo"/"M". CJK is not in the word class so "60.00GB餘量" still matches.
// A number right after a currency sign is money, never data: "HK$0 GB" (a price glued to a unit
// by a redesign or an ad) once read as 0 GB left of 20 GB, i.e. used = total.
// The second lookbehind refuses to start inside a space-separated digit run ("600 00 00 12 MB"
// is a phone, not 12 MB); it also keeps long runs of "1 1 1 …" linear instead of quadratic.
const AMOUNT_RE =
  /(?<![A-Za-z\u00C0-\u024F\d_.,\-\u2212$€£¥])(?<!\d[\u00A0\u202F\u2009 ])(\d+(?:[.,\u00A0\u202F\u2009 ]\d+)*)([\u00A0\u202F\u2009 ]?)([A-Za-z\u00C0-\u024F]+)(?![A-Za-z\u00C0-\u024F\d])/g;

export function findAmounts(text: string, locale: NumberLocale, base: 1000 | 1024): Amount[] {
  const out: Amount[] = [];
  const re = new RegExp(AMOUNT_RE.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const [whole, num = '', space = '', word = ''] = m;
    const unit = amountUnit(word, locale);
    if (!unit) continue;
    // "5G", "4G": network generations, not sizes (e.g. "5G一咭三地計劃60GB").
    if (word === 'G' && space === '' && /^[2-6]$/.test(num)) continue;
    const readings = numberReadings(num, locale).filter(
      (n) => toBytes(n, unit, base) <= MAX_BYTES && n <= MAX_NUMBER,
    );
    const value = readings[0];
    if (value === undefined) continue;
    out.push({
      value,
      unit,
      bytes: toBytes(value, unit, base),
      index: m.index,
      length: whole.length,
      text: whole,
      readings,
    });
  }
  return out;
}

export function parseAmount(text: string, locale: NumberLocale, base: 1000 | 1024): Amount | null {
  return findAmounts(text, locale, base)[0] ?? null;
}

/**
 * Pick readings for a used/total pair so that used ≤ total, trying combinations in order of
 * combined preference (best+best first). Falls back to the best readings when nothing fits:
 * an over-cap line is real, and hiding it would be worse than showing it.
 */
export function resolveUsedOfTotal(
  used: Amount,
  total: Amount,
  base: 1000 | 1024,
): { usedBytes: number; totalBytes: number } {
  const u = used.readings.length ? used.readings : [used.value];
  const t = total.readings.length ? total.readings : [total.value];
  const pairs: Array<[number, number, number]> = [];
  u.forEach((uv, i) => t.forEach((tv, j) => pairs.push([i + j, uv, tv])));
  pairs.sort((a, b) => a[0] - b[0]);
  for (const [, uv, tv] of pairs) {
    const usedBytes = toBytes(uv, used.unit, base);
    const totalBytes = toBytes(tv, total.unit, base);
    if (usedBytes <= totalBytes) return { usedBytes, totalBytes };
  }
  return { usedBytes: toBytes(u[0] ?? 0, used.unit, base), totalBytes: toBytes(t[0] ?? 0, total.unit, base) };
}
