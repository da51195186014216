/**
 * The page's text as a person sees it, shaped for the grammar: block boundaries become "\n",
 * inline elements are joined with nothing in between. One model for every reader: the walk goes
 * through open shadow roots, slots and same-origin frames (composed.ts), reads values given only
 * as attributes (accessible.ts: progress bars, meters, aria-label figures, SVG ring text), and
 * skips what is not shown (visibility.ts: hidden, computed display/visibility, closed templates).
 *
 * Why not innerText: happy-dom (our test DOM) has no layout, innerText forces a synchronous
 * layout in browsers, and it knows neither shadow roots nor frames. Why no separator between
 * inline elements: China Mobile HK splits one figure over spans (`<span>已用：</span><span>0.00
 * </span><span>/</span><span>60.00GB</span>`) and a space would break "0.00/60.00GB" apart.
 */
import { figureLabel, graphicLabel, SVG_TEXT, svgReadsAsText, valueText } from './accessible';
import { declarativeRoots, frameDocument, slotted } from './composed';
import { hasStyleSheets, hiddenByAttributes, hiddenByStyle } from './visibility';

export { observableRoots } from './composed';

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'object', 'embed',
  'canvas', 'video', 'audio', 'input', 'textarea',
]);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'iframe', 'frame',
]);
/** Elements that show text of their own making (a label, a value, the chosen option). */
const GENERATES = new Set(['svg', 'progress', 'meter', 'select']);
/** Table cells sit side by side: a space, not a line, keeps "Datos | 20 GB" on one line. */
const CELL = new Set(['td', 'th']);

/** Block boundary marker while collecting; text nodes cannot carry it (see cleanText). */
const LINE = '\u0001';
const WS = /[\s\u00A0\u202F\u2009\u200B\uFEFF]+/g;
// What the text model reads differently from a text node's own whitespace.
const NOT_SPACE = /[\u200B\u0001]/;
const SOME_TEXT = /[^\s\u00A0\u202F\u2009\u200B\uFEFF]/;

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

type Root = Document | ShadowRoot | DocumentFragment;

interface Walk {
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

function newWalk(record: boolean, styled: boolean): Walk {
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
function enter(el: Element, w: Walk, svg: boolean): Kind {
  const tag = el.localName;
  if (svg) {
    if (tag === 'foreignObject') return DESCEND;
    if (!SVG_TEXT.has(tag) || (el.hasAttributes() && hiddenByAttributes(el))) return SKIP_IT;
    if (tag === 'text') w.parts.push(LINE);
    return SVG;
  }
  if (SKIP.has(tag)) {
    if ((tag === 'input' || tag === 'textarea') && w.record && !hidden(el, w)) w.fields.push(el);
    return SKIP_IT;
  }
  const attributes = el.hasAttributes();
  if (attributes && hiddenByAttributes(el)) return SKIP_IT;
  // Computed style is asked only of what shows text (here, or for a text node in walkNodes): a
  // text holder the browser shows has no display:none ancestor, and asking every container
  // would double the walk's cost.
  if (GENERATES.has(tag) && w.styled && hiddenByStyle(el)) return SKIP_IT;
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
  if (attributes && tag !== 'iframe' && tag !== 'frame') {
    const value = valueText(el, tag) ?? figureLabel(el);
    const label = value === null ? graphicLabel(el, tag) : null;
    if ((value !== null || label !== null) && w.styled && hiddenByStyle(el)) return SKIP_IT;
    if (value !== null) generated(w, el, value, true);
    else if (label !== null) {
      generated(w, el, label, false);
      return LEAF;
    }
  }
  if (BLOCK.has(tag)) w.parts.push(LINE);
  else if (CELL.has(tag)) w.parts.push(' ');
  return DESCEND;
}

function hidden(el: Element, w: Walk): boolean {
  if (el.getAttribute('type') === 'hidden') return true;
  return (el.hasAttributes() && hiddenByAttributes(el)) || (w.styled && hiddenByStyle(el));
}

function leave(el: Element, w: Walk): void {
  const tag = el.localName;
  if (BLOCK.has(tag) || tag === 'text') w.parts.push(LINE);
  else if (CELL.has(tag)) w.parts.push(' ');
}

function selectedOptionText(el: Element): string {
  const options = el.getElementsByTagName('option');
  const index = (el as HTMLSelectElement).selectedIndex;
  const chosen = (typeof index === 'number' && index >= 0 ? options[index] : undefined) ?? options[0];
  return chosen?.textContent ?? '';
}

function walkElement(el: Element, w: Walk, svg: boolean): void {
  const from = w.parts.length;
  const pieces = w.pieces.length;
  const kind = enter(el, w, svg);
  if (kind === SKIP_IT) return;
  let span: number[] | undefined;
  if (w.record) {
    span = [from, -1, w.elements.length];
    w.spans.set(el, span);
    w.elements.push(el);
  }
  if (kind !== LEAF) walkChildren(el, w, kind === SVG, w.pieces.length > pieces);
  if (kind !== LEAF) leave(el, w);
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

function walkChildren(el: Element, w: Walk, svg: boolean, withGenerated: boolean): void {
  const tag = el.localName;
  const shadow = svg ? null : (el.shadowRoot ?? (w.declarative.size > 0 ? w.declarative.get(el) : undefined) ?? null);
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
  if (tag === 'iframe' || tag === 'frame') {
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

function normalize(raw: string): string {
  // Source newlines inside text nodes are formatting: every whitespace run (nbsp included)
  // becomes one space; only LINE markers become line breaks. Then every run of markers and
  // spaces between two pieces of text is one line break, and empty lines vanish.
  return raw.replace(WS, ' ').replace(LINE_BREAKS, '\n').replace(EDGES, '');
}
const LINE_BREAKS = / ?\u0001[ \u0001]*/g;
const EDGES = /^[ \n]+|[ \n]+$/g;

/** Where a walk starts: a Document reads from its body (the whole document when it has none). */
function startOf(root: Element | Document): Element | null {
  return root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);
}

function styledAt(el: Element): boolean {
  const root = el.getRootNode();
  return (root.nodeType === 9 || root.nodeType === 11) && hasStyleSheets(root as Root);
}

export function visibleText(root: Element | Document): string {
  const start = startOf(root);
  if (!start) return '';
  const w = newWalk(false, styledAt(start));
  for (const [host, content] of declarativeRoots(start)) w.declarative.set(host, content);
  walkElement(start, w, false);
  return normalize(w.parts.join(''));
}

/** One page's visible text, and any element's, from a single walk. */
export interface PageText {
  /** The document walked (null for a detached element root). */
  readonly doc: Document | null;
  /** visibleText of the root (a Document's body). */
  readonly text: string;
  /** visibleText(el), read from the page's walk when it entered `el`. */
  of(el: Element): string;
  /** The text the walk read, in the order shown: text nodes and attribute values. */
  readonly pieces: readonly TextPiece[];
  /** Form fields shown (input, textarea, select), across shadow roots and frames. */
  readonly fields: readonly Element[];
  /** The element `el` is shown in: its parent, a shadow root's host, a frame document's frame. */
  parent(el: Element): Element | null;
  /** Whether `el` is `outer` or shown inside it (across shadow roots and frames). */
  contains(outer: Element, el: Element): boolean;
  /** The shown child elements of `el` in the composed tree (a host's shadow content), in order. */
  children(el: Element): Element[];
  /** Where the walk entered `el` (comparable with `TextPiece.at`), or -1 if it never did. */
  position(el: Element): number;
  /** Whether `a` is read before `b` (both shown). */
  before(a: Element, b: Element): boolean;
  /** Shown elements matching a CSS selector, in every tree of the page, in reading order. */
  select(selector: string): Element[];
  /** Smallest shown elements whose text matches (see findElementsByText). */
  find(re: RegExp): Element[];
}

/**
 * Walks the page once and remembers where each element's text sits, so readers that climb from
 * many labels to ever larger ancestors slice a string instead of walking the DOM again. An
 * element's slice of the raw page text is exactly what visibleText(el) would collect; elements
 * the walk never entered (hidden, skipped, inside an icon) fall back to visibleText. Valid for
 * one parse only: the page may change afterwards.
 */
export function pageText(root: Element | Document): PageText {
  const doc = root.nodeType === 9 ? (root as Document) : null;
  // From the document element, so a climb past <body> stays within the walk.
  const start = doc ? doc.documentElement : (root as Element);
  const w = newWalk(true, false);
  if (start) {
    const top = doc ?? start.getRootNode();
    if (top.nodeType === 9 || top.nodeType === 11) {
      w.roots.push(top as Root);
      w.styled = hasStyleSheets(top as Root);
      for (const [host, content] of declarativeRoots(top as Root)) w.declarative.set(host, content);
    }
    walkElement(start, w, false);
  }
  const { spans, parts, hosts } = w;
  const texts = new Map<Element, string>();
  const of = (el: Element): string => {
    let text = texts.get(el);
    if (text === undefined) {
      const span = spans.get(el);
      text = span ? normalize(parts.slice(span[0], span[1]).join('')) : visibleText(el);
      texts.set(el, text);
    }
    return text;
  };
  const parent = (el: Element): Element | null => {
    const p = el.parentNode;
    if (!p) return null;
    return p.nodeType === 1 ? (p as Element) : (hosts.get(p) ?? null);
  };
  const contains = (outer: Element, el: Element): boolean => {
    for (let a: Element | null = el; a; a = parent(a)) if (a === outer) return true;
    return false;
  };
  const before = (a: Element, b: Element): boolean => (spans.get(a)?.[2] ?? -1) < (spans.get(b)?.[2] ?? -1);
  let kids: Map<Element, Element[]> | null = null;
  const children = (el: Element): Element[] => {
    if (!kids) {
      kids = new Map();
      for (const child of w.elements) {
        const p = parent(child);
        if (!p) continue;
        const list = kids.get(p);
        if (list) list.push(child);
        else kids.set(p, [child]);
      }
    }
    return kids.get(el) ?? [];
  };
  const top = startOf(root);
  const page: PageText = {
    doc: doc ?? start?.ownerDocument ?? null,
    text: top ? of(top) : '',
    of,
    pieces: w.pieces,
    fields: w.fields,
    parent,
    contains,
    children,
    position: (el) => spans.get(el)?.[0] ?? -1,
    before,
    select(selector) {
      const found = new Set<Element>();
      for (const r of w.roots) for (const el of Array.from(r.querySelectorAll(selector))) if (spans.has(el)) found.add(el);
      return [...found].sort((a, b) => spans.get(a)![2]! - spans.get(b)![2]!);
    },
    find: (re) => findIn(page, w.elements, re),
  };
  return page;
}

function findIn(page: PageText, elements: readonly Element[], re: RegExp): Element[] {
  const test = (s: string): boolean => {
    re.lastIndex = 0;
    return re.test(s);
  };
  // Fast path: labels almost always sit in one text node ("Consumo de datos" in an <h2>), and
  // testing pieces alone is ~10× cheaper than building every element's text. Only when no piece
  // matches (a label split over elements) do we pay for the full bottom-up pass.
  const hits = new Set<Element>();
  for (const piece of page.pieces) {
    if (hits.has(piece.owner)) continue;
    const value = piece.value.replace(WS, ' ').trim();
    if (value !== '' && test(value)) hits.add(piece.owner);
  }
  if (hits.size > 0) {
    const all = [...hits];
    // Keep the smallest: text directly in a card and in its label would otherwise both count.
    return all.filter((el) => !all.some((other) => other !== el && page.contains(el, other)));
  }
  const found: Element[] = [];
  const below = new Set<Element>();
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i]!;
    let matched = below.has(el);
    if (!matched) {
      const text = page.of(el);
      matched = text !== '' && test(text);
      if (matched) found.push(el);
    }
    if (matched) {
      const p = page.parent(el);
      if (p) below.add(p);
    }
  }
  return found.reverse();
}

/**
 * Smallest shown elements whose visible text matches `re`: an element is returned only when none
 * of its descendants matches on its own. Bottom-up on purpose: anchored patterns (/^Llevas$/)
 * match a label but not the card around it, so a top-down prune would miss them.
 */
export function findElementsByText(root: Element | Document | PageText, re: RegExp): Element[] {
  if ('find' in root) return root.find(re);
  return pageText(root).find(re);
}
