import type { NumberLocale } from '../extract/numbers';
import { pageText, type PageText, type TextPiece } from '../extract/text';
import { findAmounts } from '../extract/units';
import { allowedToken, allowedWord, CJK_TERMS } from './redact-words';

/**
 * "Copy a redacted sample of this page": when no adapter can read a page, the user can send us its
 * structure so we can write one. It walks the same text model as the readers (shadow roots,
 * same-origin frames, attribute values; nothing hidden), and redacts by ALLOW-LIST: it keeps tags,
 * the carrier's label words (redact-words.ts), the figures themselves (amounts with a unit,
 * percentages) and the shape of every other number (its digits become 0); every other word is
 * masked as "*" (a name, after a greeting or a label or anywhere, is such a word); e-mail
 * addresses become [email]. Form
 * values, scripts, styles, links and hidden content are never copied.
 */
// Links are left out: their query strings carry account ids, and routes add little to a sample.
const KEPT_ATTRIBUTES = ['id', 'class', 'role', 'aria-label', 'title', 'alt'];
const MAX_ELEMENTS = 4_000;
const MAX_LENGTH = 300_000;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const PERCENT = /\d+(?:[.,]\d+)?\s?%/g;
const WORD = /\[email\]|\p{Script=Han}+|\p{L}[\p{L}\p{M}'’·-]*/gu;

/** A Han run is kept where it is made of known terms; every other character becomes "*". */
const maskHan = (run: string) => run.replace(HAN_TERMS, (m, term: string | undefined) => term ?? '*');
const HAN_TERMS = new RegExp(`(${CJK_TERMS.join('|')})|.`, 'gu');

/** Masks one piece of visible text. Pure; exported for tests. */
export function redactText(text: string, locale: NumberLocale): string {
  let out = text.replace(EMAIL, '[email]');
  const keep: Array<[number, number]> = [
    ...findAmounts(out, locale, 1024).map((a): [number, number] => [a.index, a.index + a.length]),
    ...[...out.matchAll(PERCENT)].map((m): [number, number] => [m.index, m.index + m[0].length]),
  ];
  const kept = (offset: number) => keep.some(([start, end]) => offset >= start && offset < end);
  out = out.replace(/\d/g, (digit, offset: number) => (kept(offset) ? digit : '0'));
  return out.replace(WORD, (word: string, offset: number) => {
    if (word.startsWith('[') || kept(offset)) return word;
    if (/^\p{Script=Han}/u.test(word)) return maskHan(word);
    return allowedWord(word) ? word : '*';
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributes(el: Element, locale: NumberLocale): string {
  let out = '';
  for (const name of KEPT_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    const redacted =
      name === 'id' || name === 'class' || name === 'role'
        ? value.replace(/\d{4,}/g, (d) => '0'.repeat(d.length)).replace(/[\p{L}]+/gu, (t) => (allowedToken(t) ? t : '*'))
        : redactText(value, locale);
    out += ` ${name}="${escapeHtml(redacted)}"`;
  }
  return out;
}

/** The redacted sample of `root` (a document element or any element), as indented pseudo-HTML. */
export function redactedSample(root: Element, locale: NumberLocale): string {
  const page = pageText(root);
  const own = new Map<Element, TextPiece[]>();
  for (const piece of page.pieces) {
    const list = own.get(piece.owner);
    if (list) list.push(piece);
    else own.set(piece.owner, [piece]);
  }
  return sampleOf(root, page, own, locale);
}

function sampleOf(root: Element, page: PageText, own: Map<Element, TextPiece[]>, locale: NumberLocale): string {
  const parts: string[] = [];
  let elements = 0;
  let length = 0;
  const push = (line: string) => {
    parts.push(line);
    length += line.length + 1;
  };
  const field = (el: Element, depth: number) => push(`${'  '.repeat(depth)}<${el.localName} type="${escapeHtml(el.getAttribute('type') ?? '')}">`);
  const fields = new Map<Element, Element[]>();
  for (const f of page.fields) {
    const p = page.parent(f);
    if (p) fields.set(p, [...(fields.get(p) ?? []), f]);
  }
  const walk = (el: Element, depth: number): void => {
    if (elements >= MAX_ELEMENTS || length >= MAX_LENGTH) return;
    elements += 1;
    const tag = el.localName;
    const pad = '  '.repeat(depth);
    // Form fields keep their type only: their values may be a user name or a number.
    if (tag === 'select') return field(el, depth);
    push(`${pad}<${tag}${attributes(el, locale)}>`);
    const items: Array<{ at: number; text?: string; el?: Element }> = [
      ...(own.get(el) ?? []).map((p) => ({ at: p.at, text: p.value })),
      ...page.children(el).map((c) => ({ at: page.position(c), el: c })),
    ].sort((a, b) => a.at - b.at);
    for (const item of items) {
      if (item.el) walk(item.el, depth + 1);
      else {
        const text = item.text!.replace(/\s+/g, ' ').trim();
        if (text) push(`${pad}  ${escapeHtml(redactText(text, locale))}`);
      }
    }
    for (const f of fields.get(el) ?? []) field(f, depth + 1);
    push(`${pad}</${tag}>`);
  };
  if (page.position(root) >= 0) walk(root, 0);
  if (elements >= MAX_ELEMENTS || length >= MAX_LENGTH) parts.push('<!-- sample truncated -->');
  return parts.join('\n');
}
