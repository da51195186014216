/**
 * The composed-tree walk behind the page's text model (text.ts): one pass over the page that
 * collects its text as a person sees it (block boundaries as line markers, inline elements joined
 * with nothing), steps into open shadow roots, slots and same-origin frames (composed.ts), reads
 * values shown only by attribute (accessible.ts) and skips what is hidden (visibility.ts). When
 * asked to record, it also keeps where each element's text sits, the pieces read and the shown
 * form fields, so pageText can answer for any element without walking again.
 */
import { figureLabel, graphicLabel, SVG_TEXT, svgReadsAsText, valueText } from './accessible';
import { declarativeRoots, frameDocument, slotted } from './composed';
import { hasStyleSheets, hiddenByAttributes, hiddenByStyle } from './visibility';

const SKIP = [
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'object', 'embed',
  'canvas', 'video', 'audio', 'input', 'textarea',
];
const BLOCK = [
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'iframe', 'frame',
];
/** Elements that show text of their own making (a label, a value, the chosen option). */
const GENERATES = ['svg', 'progress', 'meter', 'select'];
/** Table cells sit side by side: a space, not a line, keeps "Datos | 20 GB" on one line. */
const CELL = ['td', 'th'];
/**
 * Elements that may host a shadow root (the DOM standard's list for attachShadow; custom
 * elements, whose names hold a hyphen, may too): asking any other element is a wasted call.
 */
const SHADOW_HOST = ['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span'];

// What the walk does with a tag, as bits found in one lookup per element (this ships on every page).
const IS_SKIP = 1;
const IS_BLOCK = 2;
const IS_GENERATES = 4;
const IS_CELL = 8;
const IS_SHADOW_HOST = 16;
const IS_FRAME = 32;
const TAGS = new Map<string, number>();
const mark = (tags: readonly string[], bit: number) => tags.forEach((tag) => TAGS.set(tag, (TAGS.get(tag) ?? 0) | bit));
mark(SKIP, IS_SKIP);
mark(BLOCK, IS_BLOCK);
mark(GENERATES, IS_GENERATES);
mark(CELL, IS_CELL);
mark(SHADOW_HOST, IS_SHADOW_HOST);
mark(['iframe', 'frame'], IS_FRAME);

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
  /** Per entered element: [first piece, end piece, walk order]. */
  spans: Map<Element, number[]>;
  elements: Element[];
  pieces: TextPiece[];
  fields: Element[];
  /** Shadow roots, template contents and frame documents → the element they are shown in. */
  hosts: Map<Node, Element>;
  roots: Root[];
  declarative: Map<Element, DocumentFragment>;
  styled: boolean;
  host: Element | null;
  /** Text elements computed style said are shown. */
  shown: Set<Element>;
}

export function newWalk(record: boolean, styled: boolean): Walk {
  return { parts: [], record, spans: new Map(), elements: [], pieces: [], fields: [], hosts: new Map(), roots: [], declarative: new Map(), styled, host: null, shown: new Set() };
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
function enter(el: Element, tag: string, flags: number, w: Walk, svg: boolean): Kind {
  if (svg) {
    if (tag === 'foreignObject') return DESCEND;
    if (!SVG_TEXT.has(tag) || (el.hasAttributes() && hiddenByAttributes(el))) return SKIP_IT;
    if (tag === 'text') w.parts.push(LINE);
    return SVG;
  }
  if (flags & IS_SKIP) {
    if ((tag === 'input' || tag === 'textarea') && w.record && !hidden(el, w)) w.fields.push(el);
    return SKIP_IT;
  }
  // One call names the element's attributes; most carry none the text model reads (a class, an
  // href), and asking for each by name was a fifth of the walk.
  const attributes = readsAttributes(el);
  if (attributes && hiddenByAttributes(el)) return SKIP_IT;
  // Computed style is asked only of what shows text (here, or for a text node in walkNodes): a
  // text holder the browser shows has no display:none ancestor, and asking every container
  // would double the walk's cost.
  if (flags & IS_GENERATES && w.styled && hiddenByStyle(el)) return SKIP_IT;
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
  if (attributes && !(flags & IS_FRAME)) {
    const value = valueText(el, tag) ?? figureLabel(el);
    const label = value === null ? graphicLabel(el, tag) : null;
    if ((value !== null || label !== null) && w.styled && hiddenByStyle(el)) return SKIP_IT;
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

/** Attributes that can hide an element or show a value, a label or a figure (accessible.ts). */
const READ_ATTRIBUTES = new Set(['hidden', 'style', 'aria-hidden', 'role', 'aria-label', 'title', 'alt']);

function readsAttributes(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  for (const name of el.getAttributeNames()) if (READ_ATTRIBUTES.has(name)) return true;
  return false;
}

function hidden(el: Element, w: Walk): boolean {
  if (el.getAttribute('type') === 'hidden') return true;
  return (el.hasAttributes() && hiddenByAttributes(el)) || (w.styled && hiddenByStyle(el));
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
  const kind = enter(el, tag, flags, w, svg);
  if (kind === SKIP_IT) return;
  let span: number[] | undefined;
  if (w.record) {
    span = [from, -1, w.elements.length];
    w.spans.set(el, span);
    w.elements.push(el);
  }
  if (kind !== LEAF) {
    walkChildren(el, tag, flags, w, kind === SVG, w.pieces.length > pieces);
    leave(tag, flags, w);
  }
  if (span) span[1] = w.parts.length;
}

function enterRoot(root: Root, shownIn: Element, w: Walk): void {
  w.hosts.set(root, shownIn);
  w.roots.push(root);
  if (!w.styled && hasStyleSheets(root)) w.styled = true;
  // Nested declarative roots live in their own template content, out of an outer query's reach.
  // A browser attaches them while parsing: a real shadow root holds none left to find.
  if (!(root as ShadowRoot).host) for (const [host, content] of declarativeRoots(root)) w.declarative.set(host, content);
}

function walkChildren(el: Element, tag: string, flags: number, w: Walk, svg: boolean, withGenerated: boolean): void {
  const shadow = svg || !(flags & IS_SHADOW_HOST) ? null : (el.shadowRoot ?? (w.declarative.size > 0 ? w.declarative.get(el) : undefined) ?? null);
  if (shadow) {
    // A host hidden by its tree's style hides its shadow content (happy-dom does not carry that
    // across the boundary by itself).
    if (w.styled && hiddenByStyle(el)) return;
    const { styled, host } = w;
    enterRoot(shadow, el, w);
    w.host = el;
    walkNodes(shadow.firstChild, null, el, w, false, false);
    w.styled = styled;
    w.host = host;
    return;
  }
  if (flags & IS_FRAME) {
    const doc = frameDocument(el);
    if (!doc || (w.styled && hiddenByStyle(el))) return;
    const { styled, host } = w;
    w.styled = false;
    enterRoot(doc, el, w);
    w.host = null;
    walkElement(doc.documentElement, w, false);
    w.styled = styled;
    w.host = host;
    return;
  }
  if (tag === 'slot' && w.host) {
    walkNodes(null, slotted(el, w.host), el, w, false, false);
    return;
  }
  const first = el.firstChild;
  walkNodes(first, null, el, w, svg, !withGenerated && first !== null && first === el.lastChild);
}

/**
 * The children of `owner` in the composed tree: a sibling chain from `first`, or a list (a slot's
 * assigned nodes). A text node shows only when its element does: asked once per element, at its
 * first text that is not blank.
 */
function walkNodes(first: Node | null, list: readonly Node[] | null, owner: Element, w: Walk, svg: boolean, only: boolean): void {
  let shown: boolean | undefined;
  let i = 0;
  for (let node = list ? (list[0] ?? null) : first; node; node = list ? (list[++i] ?? null) : node.nextSibling) {
    if (node.nodeType === 3) {
      const raw = node.nodeValue ?? '';
      const some = SOME_TEXT.test(raw);
      if (some && shown === undefined) {
        // An element with no attributes of its own shows when the text element around it does:
        // style sheets hide by class, id or attribute, and asking costs (most of the walk's time).
        const parent = owner.parentNode as Element | null;
        shown = !w.styled || bareInsideShown(owner, w.shown) || !hiddenByStyle(owner);
        if (shown && w.styled) {
          w.shown.add(owner);
          // Shown text means its parent is displayed too: its bare siblings need no asking either.
          if (parent && parent.nodeType === 1) w.shown.add(parent);
        }
      }
      if (shown === false) continue;
      if (w.record && some) w.pieces.push({ value: raw, owner, alone: only && !NOT_SPACE.test(raw), at: w.parts.length });
      w.parts.push(cleanText(raw));
    } else if (node.nodeType === 1) walkElement(node as Element, w, svg);
  }
}

/** No attributes of its own up to an element already seen shown. */
function bareInsideShown(el: Element, shown: Set<Element>): boolean {
  let at: Node | null = el;
  for (let level = 0; at && at.nodeType === 1 && level < 5; level++, at = at.parentNode) {
    const e = at as Element;
    if (level > 0 && shown.has(e)) return true;
    if (e.hasAttributes()) return false;
  }
  return false;
}
