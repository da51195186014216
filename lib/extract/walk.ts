/**
 * The composed-tree walk behind the page's text model (text.ts): one pass over the page that
 * collects its text as a person sees it (block boundaries as line markers, inline elements joined
 * with nothing), steps into open shadow roots, slots and same-origin frames (composed.ts), reads
 * values shown only by attribute (accessible.ts) and skips what is hidden (visibility.ts). When
 * asked to record, it also keeps where each element's text sits, the pieces read and the shown
 * form fields, so pageText can answer for any element without walking again.
 */
import { figureLabel, graphicLabel, SVG_TEXT, svgReadsAsText, valueText } from './accessible';
import { frameDocument, slotted } from './composed';
import { NOTHING_HIDES, styleHiding, type StyleHiding } from './style-hiding';
import { hiddenByAttributes, hiddenByStyle } from './visibility';

const SKIP = 'script style noscript template head title meta link object embed canvas video audio input textarea'.split(' ');
const BLOCK = 'address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol option p pre section summary table tbody tfoot thead tr ul iframe frame'.split(' ');
/** Elements that show text of their own making (a label, a value, the chosen option). */
const GENERATES = 'svg progress meter select'.split(' ');
/** Table cells sit side by side: a space, not a line, keeps "Datos | 20 GB" on one line. */
const CELL = 'td th'.split(' ');
/**
 * Elements that may host a shadow root (the DOM standard's list for attachShadow; custom
 * elements, whose names hold a hyphen, may too): asking any other element is a wasted call.
 */
const SHADOW_HOST = 'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(' ');

// What the walk does with a tag, as bits found in one lookup per element (this ships on every page).
const IS_SKIP = 1;
const IS_BLOCK = 2;
const IS_GENERATES = 4;
const IS_CELL = 8;
const IS_SHADOW_HOST = 16;
const IS_FRAME = 32;
/** The browser's own style sheet hides them, or their content, unless they are open. */
const IS_BROWSER_HIDES = 64;
const TAGS = new Map<string, number>();
const mark = (tags: readonly string[], bit: number) => tags.forEach((tag) => TAGS.set(tag, (TAGS.get(tag) ?? 0) | bit));
mark(SKIP, IS_SKIP);
mark(BLOCK, IS_BLOCK);
mark(GENERATES, IS_GENERATES);
mark(CELL, IS_CELL);
mark(SHADOW_HOST, IS_SHADOW_HOST);
mark(['iframe', 'frame'], IS_FRAME);
mark('dialog details datalist rp noembed noframes param area base'.split(' '), IS_BROWSER_HIDES);

function flagsOf(tag: string): number {
  return TAGS.get(tag) ?? (tag.includes('-') ? IS_SHADOW_HOST : 0);
}

/** Block boundary marker while collecting; text nodes cannot carry it (see cleanText). */
const LINE = '\u0001';
// The whitespace the text model collapses, in one place: what a regex's `\s` matches (no-break,
// thin and ideographic spaces, the BOM among them) and the zero-width space; as regexes, and by
// character code for the scan that puts the page's text together (text.ts).
export const WS = /[\s\u200B]+/g;
const SOME_TEXT = /[^\s\u200B]/;

export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// What the text model reads differently from a text node's own whitespace.
const NOT_SPACE = /[\u200B\u0001]/;

/** A piece of text the walk read: a text node's value, or what an element shows by attribute. */
export interface TextPiece {
  /** The raw value (whitespace not yet collapsed). */
  value: string;
  /** The element it is shown in. */
  owner: Element;
  /** `value` is all of `owner`'s text: its only child, nothing generated beside it. */
  alone: boolean;
  /** Where it was read: compare with `PageText.position` to interleave text and elements. */
  at: number;
}

export type Root = Document | ShadowRoot | DocumentFragment;

export interface Walk {
  parts: string[];
  record: boolean;
  /** Per entered element, its walk order: where `elements`, `starts` and `ends` hold it. */
  order: Map<Element, number>;
  elements: Element[];
  /** Per entered element (by walk order), the first part of its text and the part after its end. */
  starts: number[];
  ends: number[];
  pieces: TextPiece[];
  fields: Element[];
  /** Shadow roots and frame documents → the element they are shown in. */
  hosts: Map<Node, Element>;
  roots: Root[];
  host: Element | null;
  /** What the current tree's rules could hide (style-hiding.ts); null: unknown, ask as needed. */
  hiding: StyleHiding | null;
  /** The walk is inside (or at) an element some rule could hide: computed style decides. */
  suspect: boolean;
}

export function newWalk(record: boolean): Walk {
  return {
    parts: [], record, order: new Map(), elements: [], starts: [], ends: [], pieces: [], fields: [], hosts: new Map(), roots: [],
    host: null, hiding: null, suspect: false,
  };
}

/**
 * The tree a walk starts in: what its rules could hide, and whether the start may sit inside
 * something they hide (one of its ancestors is a candidate, or unknown: inside a shadow tree,
 * whose host's tree the walk has not read).
 */
export function startTree(w: Walk, root: Root, start: Element | null): void {
  w.hiding = styleHiding(root);
  if (!w.hiding || !start) return;
  if ((root as ShadowRoot).host) w.suspect = true;
  for (let at = start.parentElement; at && !w.suspect; at = at.parentElement) if (w.hiding.candidates.has(at)) w.suspect = true;
}

/**
 * Whether computed style hides `el`, asked only where it can: a rule (or the browser's own style
 * sheet) could hide `el` or what it is in, or the rules are unknown.
 */
function styleHides(el: Element, w: Walk): boolean {
  return (w.hiding === null || w.suspect || w.hiding.candidates.has(el)) && hiddenByStyle(el);
}

/** How the walk goes on after entering an element (plain numbers: this ships on every page). */
const SKIP_IT = 0;
const LEAF = 1;
const DESCEND = 2;
const SVG = 3;
type Kind = 0 | 1 | 2 | 3;

/** A marker character the page itself put in its text must not split lines. */
function cleanText(v: string | null): string {
  return v === null ? '' : v.indexOf(LINE) === -1 ? v : v.split(LINE).join('');
}

function generated(w: Walk, el: Element, text: string, asLine: boolean): void {
  if (asLine) w.parts.push(LINE, cleanText(text), LINE);
  else w.parts.push(` ${cleanText(text)} `);
  if (w.record) w.pieces.push({ value: text, owner: el, alone: false, at: w.parts.length });
}

/** What an element contributes when the walk enters it, and how the walk goes on. */
function enter(el: Element, tag: string, flags: number, attributes: number, w: Walk, svg: boolean): Kind {
  if (svg) {
    if (tag === 'foreignObject') return DESCEND;
    if (!SVG_TEXT.has(tag) || (attributes & READS && hiddenByAttributes(el))) return SKIP_IT;
    if (tag === 'text') w.parts.push(LINE);
    return SVG;
  }
  if (flags & IS_SKIP) {
    if ((tag === 'input' || tag === 'textarea') && w.record && !hidden(el, w)) w.fields.push(el);
    return SKIP_IT;
  }
  if (attributes & READS && hiddenByAttributes(el)) return SKIP_IT;
  // Computed style is asked only of what shows text (here, or for a text node in walkNodes): a
  // text holder the browser shows has no display:none ancestor, and asking every container
  // would double the walk's cost.
  if (flags & IS_GENERATES && styleHides(el, w)) return SKIP_IT;
  if (tag === 'svg') {
    const label = graphicLabel(el, tag);
    if (label !== null) generated(w, el, label, false);
    if (svgReadsAsText(el)) return SVG;
    return label !== null ? LEAF : SKIP_IT;
  }
  if (tag === 'progress' || tag === 'meter') {
    // Their children are fallback content, never shown.
    const value = valueText(el, tag);
    if (value !== null) generated(w, el, value, true);
    return LEAF;
  }
  if (tag === 'select') {
    if (w.record) w.fields.push(el);
    generated(w, el, selectedOptionText(el), true);
    return LEAF;
  }
  if (tag === 'br') {
    w.parts.push(LINE);
    return LEAF;
  }
  if (attributes & READS && !(flags & IS_FRAME)) {
    const value = valueText(el, tag) ?? figureLabel(el);
    const label = value === null ? graphicLabel(el, tag) : null;
    if ((value !== null || label !== null) && styleHides(el, w)) return SKIP_IT;
    if (value !== null) generated(w, el, value, true);
    else if (label !== null) {
      generated(w, el, label, false);
      return LEAF;
    }
  }
  if (flags & IS_BLOCK) w.parts.push(LINE);
  else if (flags & IS_CELL) w.parts.push(' ');
  return DESCEND;
}

/** The element carries attributes that hide it or show a value, a label or a figure (accessible.ts). */
const READS = 1;
/** …or that let the browser's style hide it: a popover, SVG's `display` and `visibility`. */
const STYLE_MAY_HIDE = 2;
const ATTRIBUTES = new Map<string, number>([
  ...['hidden', 'style', 'aria-hidden', 'role', 'aria-label', 'title', 'alt'].map((name) => [name, READS] as const),
  ...['popover', 'display', 'visibility'].map((name) => [name, STYLE_MAY_HIDE] as const),
]);

/**
 * What the element's attributes mean to the walk, as bits. One call names them; most carry none
 * the text model reads (a class, an href), and asking for each by name was a fifth of the walk.
 */
function attributeBits(el: Element): number {
  if (!el.hasAttributes()) return 0;
  let bits = 0;
  for (const name of el.getAttributeNames()) bits |= ATTRIBUTES.get(name) ?? 0;
  return bits;
}

function hidden(el: Element, w: Walk): boolean {
  if (el.getAttribute('type') === 'hidden') return true;
  return (el.hasAttributes() && hiddenByAttributes(el)) || styleHides(el, w);
}

function leave(tag: string, flags: number, w: Walk): void {
  if (flags & IS_BLOCK || tag === 'text') w.parts.push(LINE);
  else if (flags & IS_CELL) w.parts.push(' ');
}

function selectedOptionText(el: Element): string {
  const options = el.getElementsByTagName('option');
  const index = (el as HTMLSelectElement).selectedIndex;
  const chosen = (typeof index === 'number' && index >= 0 ? options[index] : undefined) ?? options[0];
  return chosen?.textContent ?? '';
}

export function walkElement(el: Element, w: Walk, svg: boolean): void {
  const from = w.parts.length;
  const pieces = w.pieces.length;
  const tag = el.localName;
  const flags = flagsOf(tag);
  const attributes = attributeBits(el);
  const suspect = w.suspect;
  if (!suspect && w.hiding !== null && (flags & IS_BROWSER_HIDES || attributes & STYLE_MAY_HIDE || (w.hiding.candidates.size > 0 && w.hiding.candidates.has(el)))) w.suspect = true;
  const kind = enter(el, tag, flags, attributes, w, svg);
  if (kind !== SKIP_IT) {
    // Plain numbers in arrays, not an array per element: 3,000 small allocations a parse.
    const at = w.elements.length;
    if (w.record) {
      w.order.set(el, at);
      w.elements.push(el);
      w.starts.push(from);
      w.ends.push(-1);
    }
    if (kind !== LEAF) {
      walkChildren(el, tag, flags, w, kind === SVG, w.pieces.length > pieces);
      leave(tag, flags, w);
    }
    if (w.record) w.ends[at] = w.parts.length;
  }
  w.suspect = suspect;
}

function enterRoot(root: Root, shownIn: Element, w: Walk): void {
  w.hosts.set(root, shownIn);
  w.roots.push(root);
  // Unknown outer rules (a sheet from another origin) may reach in by `::part()`.
  const outerUnknown = w.hiding === null;
  // A tree's rules reach only into it (and its host, by `:host`): the outer tree's say nothing
  // here, but what they hide hides the content of the element the tree is shown in (`suspect`).
  w.hiding = styleHiding(root);
  if (outerUnknown || w.hiding?.hostMayHide) w.suspect = true;
}

function walkChildren(el: Element, tag: string, flags: number, w: Walk, svg: boolean, withGenerated: boolean): void {
  const shadow = svg || !(flags & IS_SHADOW_HOST) ? null : el.shadowRoot;
  if (shadow) {
    // A host hidden by its tree's style hides its shadow content (happy-dom does not carry that
    // across the boundary by itself).
    if (styleHides(el, w)) return;
    const { host, hiding, suspect } = w;
    enterRoot(shadow, el, w);
    w.host = el;
    walkNodes(shadow.firstChild, null, el, w, false, false);
    Object.assign(w, { host, hiding, suspect });
    return;
  }
  if (flags & IS_FRAME) {
    const doc = frameDocument(el);
    if (!doc || styleHides(el, w)) return;
    const { host, hiding, suspect } = w;
    // A frame is a document of its own: nothing of the page's style reaches into it.
    w.hiding = NOTHING_HIDES;
    w.suspect = false;
    enterRoot(doc, el, w);
    w.host = null;
    walkElement(doc.documentElement, w, false);
    Object.assign(w, { host, hiding, suspect });
    return;
  }
  if (tag === 'slot' && w.host) {
    // What a slot shows belongs to the host's tree (or, a slot shown by a slot, to one further
    // out), whose rules `::slotted()` and the host's own tree both reach: computed style decides.
    const { suspect } = w;
    w.suspect = true;
    walkNodes(null, slotted(el, w.host), el, w, false, false);
    w.suspect = suspect;
    return;
  }
  walkNodes(el.firstChild, null, el, w, svg, !withGenerated);
}

/**
 * The children of `owner` in the composed tree: a sibling chain from `first`, or a list (a slot's
 * assigned nodes). A text node shows only when its element does: asked once per element, at its
 * first text that is not blank.
 */
function walkNodes(first: Node | null, list: readonly Node[] | null, owner: Element, w: Walk, svg: boolean, mayBeAlone: boolean): void {
  let shown: boolean | undefined;
  let i = 0;
  let count = 0;
  let piece: TextPiece | undefined;
  for (let node = list ? (list[0] ?? null) : first; node; node = list ? (list[++i] ?? null) : node.nextSibling) {
    count++;
    if (node.nodeType === 3) {
      const raw = node.nodeValue ?? '';
      const some = SOME_TEXT.test(raw);
      if (some && shown === undefined) {
        // Computed style is asked only where a rule could hide the text's element (every time
        // where the rules are unknown: a sheet from another origin).
        shown = !styleHides(owner, w);
      }
      if (shown === false) continue;
      if (!some) {
        // Blank (indentation between tags): it only ever collapses to one space (empty: to none).
        if (raw !== '') w.parts.push(' ');
        continue;
      }
      if (w.record) w.pieces.push((piece = { value: raw, owner, alone: false, at: w.parts.length }));
      w.parts.push(cleanText(raw));
    } else if (node.nodeType === 1) walkElement(node as Element, w, svg);
  }
  // Its element's only child, nothing generated beside it: the piece is all of the element's text
  // (known once the children are counted: asking for lastChild cost a DOM call per element).
  if (piece && count === 1 && mayBeAlone) piece.alone = !NOT_SPACE.test(piece.value);
}
