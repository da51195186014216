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
import { isSpace, newWalk, startTree, walkElement, WS, type Root, type TextPiece } from './walk';

export { observableRoots } from './composed';
export type { TextPiece } from './walk';

/** Where a walk starts: a Document reads from its body (the whole document when it has none). */
function startOf(root: Element | Document): Element | null {
  return root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);
}

export function visibleText(root: Element | Document): string {
  const start = startOf(root);
  if (!start) return '';
  const w = newWalk(false);
  const top = start.getRootNode();
  if (top.nodeType === 9 || top.nodeType === 11) startTree(w, top as Root, start);
  walkElement(start, w, false);
  return sliceTexts(w.parts)(0, w.parts.length);
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
  /** Each piece's value with its whitespace collapsed and trimmed, in the same order. */
  pieceTexts(): readonly string[];
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
  const w = newWalk(true);
  if (start) {
    const top = doc ?? start.getRootNode();
    if (top.nodeType === 9 || top.nodeType === 11) {
      w.roots.push(top as Root);
      startTree(w, top as Root, start);
    }
    walkElement(start, w, false);
  }
  const { order, starts, ends, parts, hosts } = w;
  const texts = new Map<Element, string>();
  const slices = sliceTexts(parts);
  const of = (el: Element): string => {
    let text = texts.get(el);
    if (text === undefined) {
      const at = order.get(el);
      text = at !== undefined ? slices(starts[at]!, ends[at]!) : visibleText(el);
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
  const before = (a: Element, b: Element): boolean => (order.get(a) ?? -1) < (order.get(b) ?? -1);
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
  // Each piece's text with whitespace collapsed, for find's fast path: made once per page.
  let normalized: string[] | undefined;
  const page: PageText = {
    doc: doc ?? start?.ownerDocument ?? null,
    text: top ? of(top) : '',
    of,
    pieces: w.pieces,
    fields: w.fields,
    parent,
    contains,
    children,
    position: (el) => starts[order.get(el) ?? -1] ?? -1,
    before,
    select(selector) {
      const found = new Set<Element>();
      for (const r of w.roots) for (const el of Array.from(r.querySelectorAll(selector))) if (order.has(el)) found.add(el);
      return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
    },
    pieceTexts: () => (normalized ??= w.pieces.map((piece) => piece.value.replace(WS, ' ').trim())),
    find: (re) => findIn(page, w.elements, re, page.pieceTexts()),
  };
  return page;
}

/**
 * The text of any run of the walk's parts, as a person reads it. Source newlines inside text nodes
 * are formatting: between two shown characters, the text has "\n" if a line marker lies between
 * them, else " " if whitespace (nbsp included) does, else nothing; nothing before the first
 * shown character or after the last. That rule is local, so the page is put together once, in
 * one pass that notes where each part's text starts and ends, and any element's text is a slice:
 * readers climb from many labels through the same ancestors up to <html>, and joining and
 * normalizing each ancestor's text from scratch was a third of a parse.
 */
function sliceTexts(parts: readonly string[]): (from: number, to: number) => string {
  let page: string | undefined;
  // Where each part's shown text starts and ends in `page` (-1: the part shows nothing). Typed
  // arrays, filled once: a sparse array written part by part falls back to a slow dictionary.
  const starts = new Int32Array(parts.length).fill(-1);
  const ends = new Int32Array(parts.length).fill(-1);
  const init = () => {
    const out: string[] = [];
    let length = 0;
    let gap = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part === LINE_MARK) {
        if (length) gap = '\n';
        continue;
      }
      // Runs of shown characters and of whitespace, by character code (a regex per part cost
      // twice as much, on every part of the page).
      for (let at = 0; at < part.length; ) {
        const space = isSpace(part.charCodeAt(at));
        let end = at + 1;
        while (end < part.length && isSpace(part.charCodeAt(end)) === space) end++;
        if (space) {
          if (length && !gap) gap = ' ';
        } else {
          if (length && gap) {
            out.push(gap);
            length++;
          }
          gap = '';
          if (starts[i] === -1) starts[i] = length;
          out.push(end - at === part.length ? part : part.slice(at, end));
          ends[i] = length += end - at;
        }
        at = end;
      }
    }
    page = out.join('');
  };
  return (from, to) => {
    if (page === undefined) init();
    let first = from;
    while (first < to && ends[first] === -1) first++;
    let last = to - 1;
    while (last > first && ends[last] === -1) last--;
    return first < to ? page!.slice(starts[first], ends[last]) : '';
  };
}
const LINE_MARK = '\u0001';
function findIn(page: PageText, elements: readonly Element[], re: RegExp, values: readonly string[]): Element[] {
  const test = (s: string): boolean => {
    re.lastIndex = 0;
    return re.test(s);
  };
  // Fast path: labels almost always sit in one text node ("Consumo de datos" in an <h2>), and
  // testing pieces alone is ~10× cheaper than building every element's text. Only when no piece
  // matches (a label split over elements) do we pay for the full bottom-up pass.
  const hits = new Set<Element>();
  page.pieces.forEach((piece, i) => {
    if (hits.has(piece.owner)) return;
    const value = values[i]!;
    if (value !== '' && test(value)) hits.add(piece.owner);
  });
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
