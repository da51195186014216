/**
 * Which DOM changes can change what the reader would read. On a big portal a session clock or a
 * ticker rewrites text every second; re-reading 300,000 nodes for each tick froze pages for more
 * than a second at a time. A change matters when the text it adds or removes (or the short text
 * around it) looks like a figure — a size unit, a percent, an "unlimited" word — or when it adds
 * something that can hold or hide figures (a frame, a shadow host, a progress bar, a sign-in
 * dialog). Everything else ("Sesión activa 4:05", "hace 5 minutos") is ignored. A miss only delays
 * a re-read: the watcher still reads at the end of its window, and on every route change.
 */
import { anyOf, CHINESE, FRENCH, SPANISH } from '../extract/page-languages';

const FIGURE_HINT = new RegExp(
  anyOf(
    '\\d\\s*(?:[KMGT]i?B|[KMGT]o|%)',
    `(?<![\\p{L}])(?:${anyOf('[KMGT]i?B|[KMGT]o', SPANISH && 'megas|gigas|ilimitad[oa]s?|sin\\s+l[ií]mites?', FRENCH && 'illimit\\p{L}*', 'unlimited')})(?![\\p{L}])`,
    CHINESE && '無限|无限',
    '∞',
  ),
  'iu',
);
const DIGIT = /\d/;
const STRUCTURAL =
  'iframe,frame,progress,meter,svg,[aria-valuenow],[role=progressbar],input[type=password],dialog,[role=dialog],[role=alertdialog],[aria-modal=true],template[shadowrootmode]';
/** How much text around a bare number is looked at for its unit ("<b>3,6</b> <i>GB</i>"). */
const CONTEXT_CHARS = 300;
const SIBLINGS = 2;
const SIBLING_CHARS = 40;

/** Attributes that hide or show figures: any change matters. */
const VISIBILITY_ATTRIBUTES = ['hidden', 'aria-hidden', 'open'];
/** The attributes that carry figures or hide them; class and style churn too much to watch. */
export const FIGURE_ATTRIBUTES = ['aria-valuenow', 'aria-valuetext', 'aria-valuemax', 'aria-label', 'value', 'max', ...VISIBILITY_ATTRIBUTES];

export function mayChangeFigures(records: Iterable<MutationRecord>): boolean {
  for (const record of records) if (recordMatters(record)) return true;
  return false;
}

function recordMatters(record: MutationRecord): boolean {
  if (record.type === 'attributes') {
    const name = record.attributeName ?? '';
    if (VISIBILITY_ATTRIBUTES.includes(name)) return true;
    // aria-valuenow="42", aria-label="Llevas 3,5 GB de 20 GB": a value without digits is no figure.
    return DIGIT.test((record.target as Element).getAttribute(name) ?? '') || DIGIT.test(record.oldValue ?? '');
  }
  if (record.type === 'characterData') {
    const now = record.target.textContent ?? '';
    const before = record.oldValue ?? '';
    if (hinted(now) || hinted(before)) return true;
    return (DIGIT.test(now) || DIGIT.test(before)) && aroundHinted(record.target.parentNode);
  }
  let digits = false;
  for (const list of [record.addedNodes, record.removedNodes]) {
    for (const node of list) {
      if (nodeMatters(node)) return true;
      digits ||= DIGIT.test(boundedText(node, CONTEXT_CHARS));
    }
  }
  return digits && aroundHinted(record.target);
}

function nodeMatters(node: Node): boolean {
  if (node.nodeType === 1) {
    const el = node as Element;
    if (el.localName.includes('-') || el.shadowRoot || el.matches(STRUCTURAL) || el.querySelector(STRUCTURAL)) return true;
  }
  return hinted(node.textContent ?? '');
}

/**
 * The changed element and its nearest siblings: a unit written beside a bare number
 * ("<b>3,6</b> GB", CMHK's "<span>0.00</span><span>/</span><span>60.00GB</span>"). Not the
 * ancestors: a clock's ancestor is often the whole header or page, whose text holds figures.
 */
function aroundHinted(node: Node | null): boolean {
  if (!node) return false;
  let text = boundedText(node, CONTEXT_CHARS);
  for (let at = node.previousSibling, n = 0; at && n < SIBLINGS; at = at.previousSibling, n++) text = `${boundedText(at, SIBLING_CHARS)} ${text}`;
  for (let at = node.nextSibling, n = 0; at && n < SIBLINGS; at = at.nextSibling, n++) text += ` ${boundedText(at, SIBLING_CHARS)}`;
  return hinted(text);
}

function hinted(text: string): boolean {
  return FIGURE_HINT.test(text);
}

/** The first `max` characters of a node's text, without building the text of a huge subtree. */
function boundedText(node: Node, max: number): string {
  if (node.nodeType === 3 || node.nodeType === 4) return (node.textContent ?? '').slice(0, max);
  const doc = node.ownerDocument ?? (node as Document);
  const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let n = walker.nextNode(); n && text.length < max; n = walker.nextNode()) text += ` ${n.textContent ?? ''}`;
  return text.slice(0, max);
}
