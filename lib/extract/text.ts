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

function leaveElement(el: Element, parts: string[]): void {
  const tag = el.tagName;
  if (BLOCK.has(tag)) parts.push(LINE);
  else if (CELL.has(tag)) parts.push(' ');
}

/** A marker character the page itself put in its text must not split lines. */
function cleanText(v: string | null): string {
  return v === null ? '' : v.indexOf(LINE) === -1 ? v : v.split(LINE).join('');
}

export function visibleText(root: Element | Document): string {
  const start: Node | null =
    root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  if (!start) return '';
  // Raw pieces, normalized once at the end: one regex pass over the joined string is much
  // cheaper than one per text node.
  const parts: string[] = [];

  const enter = (el: Element) => enterElement(el, parts);
  const leave = (el: Element) => leaveElement(el, parts);

  if (start.nodeType === ELEMENT_NODE) {
    if (enter(start as Element) !== 'descend') return normalize(parts);
  } else if (start.nodeType === TEXT_NODE) {
    return normalize([cleanText(start.nodeValue)]);
  }

  let node: Node | null = start.firstChild;
  while (node && node !== start) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
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
  return normalize(parts);
}

function normalize(parts: string[]): string {
  // Source newlines inside text nodes are formatting: every whitespace run (nbsp included)
  // becomes one space; only LINE markers become line breaks.
  const lines = parts.join('').split(LINE);
  const out: string[] = [];
  for (const line of lines) {
    const l = line.replace(WS, ' ').trim();
    if (l !== '') out.push(l);
  }
  return out.join('\n');
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
    const text = normalize([raw]);
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
