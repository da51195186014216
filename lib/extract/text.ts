/**
 * Visible text of a DOM subtree, shaped for the grammar: block boundaries become "\n", inline
 * elements are joined with nothing in between.
 *
 * Why not innerText: happy-dom (our test DOM) has no layout, and in browsers innerText forces a
 * synchronous layout, which a content script re-reading on every mutation cannot afford. Why no
 * extra separator between inline elements: China Mobile HK splits one figure over spans
 * (`<span>已用：</span><span>0.00</span><span>/</span><span>60.00GB</span>`) and a space would
 * break "0.00/60.00GB" apart. Source whitespace between spans still becomes one space.
 *
 * One iterative depth-first pass (firstChild/nextSibling): a TreeWalker cannot tell us when an
 * element ends, and we need that to close blocks. No getComputedStyle: only the `hidden`
 * attribute and an inline `display:none` count as hidden.
 */

/** Tag names in both cases: HTML elements report upper case, SVG and XHTML lower case. */
const both = (tags: string[]): Set<string> => new Set(tags.flatMap((t) => [t, t.toLowerCase()]));

const SKIP = both([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'IFRAME', 'OBJECT',
  'CANVAS', 'VIDEO', 'AUDIO', 'INPUT', 'TEXTAREA',
]);

const BLOCK = both([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'OPTION',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);

/** Table cells sit side by side: a space, not a line, keeps "Datos | 20 GB" on one line. */
const CELL = both(['TD', 'TH']);

/** Elements that draw something instead of holding text (icons): their label stands in. */
const GRAPHIC = new Set(['IMG', 'SVG', 'I']);

/** Block boundary marker while collecting; text nodes cannot carry it (see cleanText). */
const LINE = '\u0001';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const WS = /[\s\u00A0\u202F\u2009\u200B\uFEFF]+/g;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** The label an icon-like element stands for, or null when it is not one / has none. */
function graphicLabel(el: Element): string | null {
  const tag = el.tagName.toUpperCase();
  const isGraphic = GRAPHIC.has(tag) || el.getAttribute('role') === 'img';
  if (!isGraphic) {
    // Any other element counts only when it is empty: <span aria-label="ilimitado"></span>.
    if (el.firstChild !== null) return null;
  }
  const label =
    el.getAttribute('aria-label') ??
    (tag === 'IMG' ? el.getAttribute('alt') : null) ??
    el.getAttribute('title') ??
    (tag === 'SVG' ? svgTitle(el) : null);
  if (label === null || label.trim() === '') return null;
  // A graphic that also holds real text (<i>∞</i>, role=img with text) is read as its text.
  if (isGraphic && tag !== 'SVG' && tag !== 'IMG' && (el.textContent ?? '').trim() !== '') return null;
  return label;
}

function selectedOptionText(el: Element): string {
  const options = el.getElementsByTagName('option');
  const index = (el as HTMLSelectElement).selectedIndex;
  const chosen = (typeof index === 'number' && index >= 0 ? options[index] : undefined) ?? options[0];
  return chosen?.textContent ?? '';
}

function svgTitle(el: Element): string | null {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName.toLowerCase() === 'title') return c.textContent;
  }
  return null;
}

/**
 * What an element contributes when the walk enters it: pushes its opening piece (a LINE for a
 * block, a label for an icon) and says whether to skip it, read it as a leaf, or descend.
 */
function enterElement(el: Element, parts: string[]): 'skip' | 'descend' | 'leaf' {
  const tag = el.tagName;
  if (SKIP.has(tag)) return 'skip';
  const isSvg = tag === 'svg' || tag === 'SVG';
  // Attribute reads are the costly part of the walk; most elements have none to read.
  const hasAttributes = el.hasAttributes();
  if (hasAttributes && isHidden(el)) return 'skip';
  if (hasAttributes || isSvg) {
    const label = graphicLabel(el);
    if (label !== null) {
      parts.push(` ${label} `);
      return 'leaf';
    }
  }
  // SVG text is drawing detail (axis ticks of a usage chart), never a figure we want.
  if (isSvg) return 'skip';
  // A <select> shows only its chosen option (the line picker "6XX XXX XXX"), not the list.
  if (tag === 'SELECT' || tag === 'select') {
    parts.push(LINE, selectedOptionText(el), LINE);
    return 'leaf';
  }
  if (tag === 'BR' || tag === 'br') {
    parts.push(LINE);
    return 'leaf';
  }
  if (BLOCK.has(tag)) parts.push(LINE);
  else if (CELL.has(tag)) parts.push(' ');
  return 'descend';
}

/**
 * Whether visibleText(el) is nothing but its own text nodes' text: the walk reads it as text
 * (not skipped or hidden, not an icon label, a select or a line break).
 */
export function readsAsOwnText(el: Element): boolean {
  return enterElement(el, []) === 'descend';
}

function leaveElement(el: Element, parts: string[]): void {
  const tag = el.tagName;
  if (BLOCK.has(tag)) parts.push(LINE);
  else if (CELL.has(tag)) parts.push(' ');
}

/** A marker character the page itself put in its text must not split lines. */
function cleanText(v: string | null): string {
  return v === null ? '' : v.indexOf(LINE) === -1 ? v : v.split(LINE).join('');
}

/** Where a walk starts: a Document reads from its body (the whole document when it has none). */
function startOf(root: Element | Document): Element | null {
  return root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);
}

export function visibleText(root: Element | Document): string {
  const start = startOf(root);
  if (!start) return '';
  const parts: string[] = [];
  collect(start, parts, null);
  return normalize(parts.join(''));
}

/** Which of a walk's raw pieces make up each element's text: [first, end) indices. */
type Spans = Map<Element, [number, number]>;

/** What a recording walk keeps besides the text. */
interface Recording {
  spans: Spans;
  /** The text nodes read, in document order. */
  textNodes: Node[];
  /** The index of the piece each `textNodes` entry starts at. */
  at: number[];
}

/**
 * The raw pieces of `start`'s visible text, for the caller to normalize once: one regex pass over
 * the joined string is much cheaper than one per text node. A recording walk also notes which
 * pieces belong to every element it enters, and the text nodes it read.
 */
function collect(start: Element, parts: string[], record: Recording | null): void {
  const enter = (el: Element): 'skip' | 'descend' | 'leaf' => {
    if (!record) return enterElement(el, parts);
    const from = parts.length;
    const kind = enterElement(el, parts);
    if (kind !== 'skip') record.spans.set(el, [from, kind === 'leaf' ? parts.length : -1]);
    return kind;
  };
  const leave = (el: Element): void => {
    leaveElement(el, parts);
    if (record) record.spans.get(el)![1] = parts.length;
  };

  if (enter(start) !== 'descend') return;
  let node: Node | null = start.firstChild;
  while (node && node !== start) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      if (record) {
        record.textNodes.push(node);
        record.at.push(parts.length);
      }
      parts.push(cleanText(node.nodeValue));
    } else if (node.nodeType === ELEMENT_NODE) {
      descend = enter(node as Element) === 'descend';
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (descend) leave(node as Element);
    // Climb until a next sibling exists, closing every element we leave.
    while (node && node !== start && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== start && node.nodeType === ELEMENT_NODE) leave(node as Element);
    }
    if (!node || node === start) break;
    node = node.nextSibling;
  }
  // The root's closing piece is trimmed away by normalize; a recording walk needs its end.
  leave(start);
}

function normalize(raw: string): string {
  // Source newlines inside text nodes are formatting: every whitespace run (nbsp included)
  // becomes one space; only LINE markers become line breaks. Whitespace never holds a LINE, so
  // collapsing runs over the whole string is collapsing them line by line; then every run of
  // markers and spaces between two pieces of text is one line break, and empty lines vanish.
  return raw.replace(WS, ' ').replace(LINE_BREAKS, '\n').replace(EDGES, '');
}

const LINE_BREAKS = / ?\u0001[ \u0001]*/g;
const EDGES = /^[ \n]+|[ \n]+$/g;

/** One page's visible text, and any element's, from a single walk. */
export interface PageText {
  /** visibleText of the root. */
  readonly text: string;
  /** visibleText(el), read from the page's walk when it entered `el`. */
  of(el: Element): string;
  /** The text nodes the walk read under the root (a Document's body), in document order. */
  readonly textNodes: readonly Node[];
}

/**
 * Walks the page once and remembers where each element's text sits, so readers that climb from
 * many labels to ever larger ancestors, or need the page text again, slice a string instead of
 * walking the DOM again (O(depth × subtree) per climb otherwise). An element's slice of the raw
 * page text is exactly what visibleText(el) would collect (the same enter/leave pieces in the
 * same order); elements the walk never entered (inside a hidden, skipped or icon subtree) fall
 * back to visibleText. Valid for one parse only: the page may change afterwards.
 */
export function pageText(root: Element | Document): PageText {
  const doc = root.nodeType === 9 ? (root as Document) : null;
  // From the document element, so a climb past <body> stays within the walk.
  const start = doc ? doc.documentElement : (root as Element);
  const record: Recording = { spans: new Map(), textNodes: [], at: [] };
  const { spans } = record;
  const parts: string[] = [];
  if (start) collect(start, parts, record);
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
  const top = startOf(root);
  let textNodes = record.textNodes;
  if (top && top !== start) {
    // Only what lies under the body: its pieces.
    const span = spans.get(top);
    // Entries start at ever later pieces: the body's are one run of them.
    const { at } = record;
    let from = 0;
    let to = at.length;
    if (span) {
      while (from < to && at[from]! < span[0]) from++;
      while (to > from && at[to - 1]! >= span[1]) to--;
    }
    textNodes = span ? textNodes.slice(from, to) : [];
  }
  return { text: top ? of(top) : '', of, textNodes };
}

/**
 * Smallest elements whose visible text matches `re`: an element is returned only when none of
 * its descendants matches on its own. Elements without visible text never match. Bottom-up on purpose: anchored patterns (/^Llevas$/) match
 * a label but not the card around it, so a top-down prune would miss them.
 */
export function findElementsByText(root: Element | Document, re: RegExp): Element[] {
  const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);
  if (!start) return [];
  const test = (s: string): boolean => {
    re.lastIndex = 0;
    return re.test(s);
  };
  // Fast path: labels almost always sit in one text node ("Consumo de datos" in an <h2>), and
  // testing text nodes alone is ~10× cheaper than building every element's text. Only when no
  // text node matches (a label split over elements, or drawn as an icon's aria-label) do we pay
  // for the full bottom-up walk.
  const quick = elementsOfMatchingTextNodes(start, test);
  if (quick.length > 0) return quick;
  const found: Element[] = [];
  // Each element's raw text is built from its children's, so the page is walked once instead
  // of once per ancestor.
  const visit = (el: Element): { raw: string; matched: boolean } => {
    const own: string[] = [];
    const kind = enterElement(el, own);
    if (kind === 'skip') return { raw: '', matched: false };
    let childMatched = false;
    if (kind === 'descend') {
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === TEXT_NODE) own.push(cleanText(c.nodeValue));
        else if (c.nodeType === ELEMENT_NODE) {
          const r = visit(c as Element);
          own.push(r.raw);
          if (r.matched) childMatched = true;
        }
      }
      leaveElement(el, own);
    }
    const raw = own.join('');
    if (childMatched) return { raw, matched: true };
    const text = normalize(raw);
    if (text !== '' && test(text)) {
      found.push(el);
      return { raw, matched: true };
    }
    return { raw, matched: false };
  };
  visit(start);
  return found;
}

/** Hidden or non-text containers a matching text node must not be inside (a select shows one option: left to the full walk). */
const NOT_VISIBLE_SELECTOR = 'script,style,noscript,template,title,head,textarea,select,svg,[hidden]';

function elementsOfMatchingTextNodes(start: Element, test: (s: string) => boolean): Element[] {
  const doc = start.ownerDocument;
  const walker = doc.createTreeWalker(start, 4 /* NodeFilter.SHOW_TEXT */);
  const found: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue;
    if (!value || value.trim() === '') continue;
    if (!test(value.replace(WS, ' ').trim())) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest(NOT_VISIBLE_SELECTOR) || found.includes(parent)) continue;
    const style = parent.closest('[style]')?.getAttribute('style') ?? '';
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) continue;
    found.push(parent);
  }
  // Keep the smallest: text directly in a card and in its label would otherwise both count.
  return found.filter((el) => !found.some((other) => other !== el && el.contains(other)));
}
