/**
 * What an element shows through attributes rather than text: the value of a progress bar or
 * meter, a figure written only in an `aria-label`, an icon's label, an SVG ring's figure. The
 * text model (text.ts) reads these as if they were text, so the grammar sees them like any other.
 */

// A size after a number: the trigger for reading an aria-label as a figure.
const U = '[KMGT]i?B|[KMGT]o|gigas?|megas?';
const FIGURE = new RegExp(`\\d\\s?(?:${U})(?![\\p{L}])`, 'iu');
const UNIT = new RegExp(`(?<![\\p{L}])(${U})(?![\\p{L}])`, 'iu');
const UNIT_MENTION = new RegExp(`\\(?\\s*(?:(?:en|in)\\s+)?(?:${U})(?![\\p{L}])\\s*\\)?`, 'giu');
const NEAR_AMOUNT = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s?(${U})(?![\\p{L}])`, 'giu');

/** Elements that draw something instead of holding text (icons): their label stands in. */
const GRAPHIC = new Set(['img', 'svg', 'i']);

/** A number written for the grammar in any locale: no grouping, never exactly 3 decimals. */
function plain(n: number): string {
  const s = String(Math.round(n * 1e6) / 1e6);
  const dot = s.indexOf('.');
  return dot >= 0 && s.length - dot - 1 === 3 ? `${s}0` : s;
}

function number(v: string | null): number | null {
  if (v === null || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** The element's accessible name from aria-label or title. */
function nameOf(el: Element): string | null {
  const name = (el.getAttribute('aria-label') ?? el.getAttribute('title'))?.trim();
  return name ? name : null;
}

/**
 * "3,5 GB / 20 GB" for a progress bar or meter that holds its value in attributes
 * (`role="progressbar"` + aria-valuenow/valuemax, `<progress value max>`, `<meter>`), with its name
 * in front. The unit comes from aria-valuetext, the name, or a figure written next to the bar with
 * the same number (never for a gauge out of 100 or 1: that is a percentage); a bare percentage
 * gauge yields nothing (no unit, no figure).
 */
export function valueText(el: Element, tag: string): string | null {
  const native = tag === 'progress' || tag === 'meter';
  const role = native ? null : el.getAttribute('role');
  if (!native && role !== 'progressbar' && role !== 'meter') return null;
  const name = nameOf(el);
  const valuetext = el.getAttribute('aria-valuetext');
  if (valuetext !== null && FIGURE.test(valuetext)) return name && !FIGURE.test(name) ? `${name} ${valuetext}` : valuetext;
  if (name && FIGURE.test(name)) return name;
  const now = number(el.getAttribute(native ? 'value' : 'aria-valuenow'));
  const max = number(el.getAttribute(native ? 'max' : 'aria-valuemax')) ?? (native && tag === 'progress' ? 1 : null);
  if (now === null || max === null || max <= 0) return null;
  // A gauge out of 100 (or 1) is a percentage unless it names its unit: "88" of "100" beside
  // "sur 100 Go" is 88 %, not 88 Go.
  const percentLike = max === 100 || max === 1;
  const unit = (valuetext && UNIT.exec(valuetext)?.[1]) || (name && UNIT.exec(name)?.[1]) || (percentLike || now > max ? null : unitNearby(el, now, max));
  if (!unit) return null;
  // "Datos consumidos (GB)" / "… en MB": the unit moves to the figures, so the label sits right
  // before its amount as the grammar expects.
  const label = (name ?? '').replace(UNIT_MENTION, ' ').replace(/\s+/g, ' ').trim();
  return `${label} ${plain(now)} ${unit} / ${plain(max)} ${unit}`.trim();
}

/** The unit of a figure written within two levels around the bar whose number is its value or max. */
function unitNearby(el: Element, now: number, max: number): string | null {
  let around: Element | null = el.parentElement;
  for (let level = 0; around && level < 2; level++, around = around.parentElement) {
    const text = around.textContent ?? '';
    if (text.length > 400) return null;
    NEAR_AMOUNT.lastIndex = 0;
    for (let m = NEAR_AMOUNT.exec(text); m; m = NEAR_AMOUNT.exec(text)) {
      const n = Number(m[1]!.replace(',', '.'));
      if (n === max || n === now) return m[2]!;
    }
  }
  return null;
}

/** An aria-label that states a figure its element's own text does not show ("3,5 GB de 20 GB"). */
export function figureLabel(el: Element): string | null {
  const label = el.getAttribute('aria-label');
  if (label === null || !FIGURE.test(label)) return null;
  return FIGURE.test(el.textContent ?? '') ? null : label;
}

/** The label an icon-like element stands for, or null when it is not one / has none. */
export function graphicLabel(el: Element, tag: string): string | null {
  const isGraphic = GRAPHIC.has(tag) || el.getAttribute('role') === 'img';
  // Any other element counts only when it is empty: <span aria-label="ilimitado"></span>.
  if (!isGraphic && el.firstChild !== null) return null;
  const label =
    el.getAttribute('aria-label') ??
    (tag === 'img' ? el.getAttribute('alt') : null) ??
    el.getAttribute('title') ??
    (tag === 'svg' ? svgTitle(el) : null);
  if (label === null || label.trim() === '') return null;
  // A graphic that also holds real text (<i>∞</i>, role=img with text) is read as its text.
  if (isGraphic && tag !== 'svg' && tag !== 'img' && (el.textContent ?? '').trim() !== '') return null;
  return label;
}

function svgTitle(el: Element): string | null {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === 'title') return c.textContent;
  }
  return null;
}

/** The most `<text>` elements a ring or gauge writes (figure, "de 25GB", a word); charts write more. */
const MAX_RING_TEXTS = 4;

/**
 * Whether an SVG's `<text>` is a figure a person reads (a ring: "13,07GB" over "de 25GB") rather
 * than drawing detail (a chart's axis ticks and legend): a few text elements, none in an axis.
 */
export function svgReadsAsText(svg: Element): boolean {
  const texts = svg.getElementsByTagName('text').length;
  return texts > 0 && texts <= MAX_RING_TEXTS && !svg.querySelector('[class*="axis" i], [class*="tick" i], [class*="legend" i], [class*="grid" i]');
}

/** SVG elements whose content the walk reads inside a readable SVG; everything else is drawing. */
export const SVG_TEXT = new Set(['g', 'text', 'tspan', 'a', 'switch', 'svg', 'textPath']);
