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

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'IFRAME', 'OBJECT',
  'CANVAS', 'VIDEO', 'AUDIO', 'INPUT', 'TEXTAREA',
]);

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'OPTION',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);

/** Table cells sit side by side: a space, not a line, keeps "Datos | 20 GB" on one line. */
const CELL = new Set(['TD', 'TH']);

/** Elements that draw something instead of holding text (icons): their label stands in. */
const GRAPHIC = new Set(['IMG', 'SVG', 'I']);

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

export function visibleText(root: Element | Document): string {
  const start: Node | null =
    root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  if (!start) return '';
  const parts: string[] = [];

  const enter = (el: Element): 'skip' | 'descend' | 'leaf' => {
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) return 'skip';
    const label = graphicLabel(el);
    if (label !== null) {
      parts.push(` ${label.replace(WS, ' ')} `);
      return 'leaf';
    }
    // SVG text is drawing detail (axis ticks of a usage chart), never a figure we want.
    if (tag === 'SVG') return 'skip';
    // A <select> shows only its chosen option (the line picker "6XX XXX XXX"), not the list.
    if (tag === 'SELECT') {
      parts.push(`\n${selectedOptionText(el).replace(WS, ' ')}\n`);
      return 'leaf';
    }
    if (tag === 'BR') {
      parts.push('\n');
      return 'leaf';
    }
    if (BLOCK.has(tag)) parts.push('\n');
    else if (CELL.has(tag)) parts.push(' ');
    return 'descend';
  };
  const leave = (el: Element): void => {
    const tag = el.tagName.toUpperCase();
    if (BLOCK.has(tag)) parts.push('\n');
    else if (CELL.has(tag)) parts.push(' ');
  };

  if (start.nodeType === ELEMENT_NODE) {
    if (enter(start as Element) !== 'descend') return normalize(parts);
  } else if (start.nodeType === TEXT_NODE) {
    return normalize([(start.nodeValue ?? '').replace(WS, ' ')]);
  }

  let node: Node | null = start.firstChild;
  while (node && node !== start) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      // Source newlines inside a text node are formatting, not line breaks.
      parts.push((node.nodeValue ?? '').replace(WS, ' '));
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
  const lines = parts.join('').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const l = line.replace(WS, ' ').trim();
    if (l !== '') out.push(l);
  }
  return out.join('\n');
}

/**
 * Smallest elements whose visible text matches `re`: an element is returned only when none of
 * its descendants matches on its own. Bottom-up on purpose: anchored patterns (/^Llevas$/) match
 * a label but not the card around it, so a top-down prune would miss them.
 */
export function findElementsByText(root: Element | Document, re: RegExp): Element[] {
  const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);
  if (!start) return [];
  const test = (s: string): boolean => {
    re.lastIndex = 0;
    return re.test(s);
  };
  const found: Element[] = [];
  const visit = (el: Element): boolean => {
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) return false;
    let childMatched = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (visit(c)) childMatched = true;
    }
    if (childMatched) return true;
    if (test(visibleText(el))) {
      found.push(el);
      return true;
    }
    return false;
  };
  visit(start);
  return found;
}
