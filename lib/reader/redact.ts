import { NUMBER_LOCALES, type NumberLocale } from '../extract/numbers';
import { findAmounts } from '../extract/units';
import { allowedToken, allowedWord, CJK_TERMS } from './redact-words';
import { KEPT_ATTRIBUTES, MAX_SAMPLE_ELEMENTS, type SampleField, type SampleNode, type SampleReply } from './sample-shape';

/**
 * "Copy a redacted sample of this page": when no adapter can read a page, the user can send us its
 * structure so we can write one. The content script reads the page's tree with the same text
 * model as the readers (lib/reader/sample-tree.ts: shadow roots, same-origin frames, attribute
 * values; nothing hidden); the popup redacts it here, by ALLOW-LIST, before the clipboard: it keeps tags,
 * the carrier's label words (redact-words.ts), the figures themselves (amounts with a unit,
 * percentages) and the shape of every other number (its digits become 0); every other word is
 * masked as "*" (a name, after a greeting or a label or anywhere, is such a word); e-mail
 * addresses become [email]. Form
 * values, scripts, styles, links and hidden content are never copied.
 */
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

function attributes(attrs: ReadonlyArray<[string, string]>, locale: NumberLocale): string {
  let out = '';
  for (const [name, value] of attrs) {
    if (!KEPT_ATTRIBUTES.includes(name)) continue;
    const redacted =
      name === 'id' || name === 'class' || name === 'role'
        ? value.replace(/\d{4,}/g, (d) => '0'.repeat(d.length)).replace(/[\p{L}]+/gu, (t) => (allowedToken(t) ? t : '*'))
        : redactText(value, locale);
    out += ` ${name}="${escapeHtml(redacted)}"`;
  }
  return out;
}

/** Whether a reply is a content script's sample (our own script's answer, checked before use all the same). */
export function isSampleReply(reply: unknown): reply is SampleReply {
  if (typeof reply !== 'object' || reply === null) return false;
  const { locale, tree } = reply as Partial<SampleReply>;
  return typeof locale === 'string' && NUMBER_LOCALES.includes(locale as NumberLocale) && (tree === null || (typeof tree === 'object' && typeof tree?.tag === 'string'));
}

/**
 * The redacted sample of a page's tree (lib/reader/sample-tree.ts, read in the content script),
 * as indented pseudo-HTML.
 */
export function redactSample(tree: SampleNode | null, locale: NumberLocale): string {
  const parts: string[] = [];
  let elements = 0;
  let length = 0;
  const push = (line: string) => {
    parts.push(line);
    length += line.length + 1;
  };
  const field = (f: SampleField, depth: number) => push(`${'  '.repeat(depth)}<${f.tag} type="${escapeHtml(String(f.type))}">`);
  const walk = (node: SampleNode, depth: number): void => {
    if (elements >= MAX_SAMPLE_ELEMENTS || length >= MAX_LENGTH) return;
    elements += 1;
    // Form fields keep their type only: their values may be a user name or a number.
    if (!('attrs' in node)) return field(node, depth);
    const pad = '  '.repeat(depth);
    push(`${pad}<${node.tag}${attributes(node.attrs, locale)}>`);
    for (const item of node.items) {
      if (typeof item !== 'string') walk(item, depth + 1);
      else push(`${pad}  ${escapeHtml(redactText(item, locale))}`);
    }
    for (const f of node.fields) field(f, depth + 1);
    push(`${pad}</${node.tag}>`);
  };
  if (tree) walk(tree, 0);
  if (elements >= MAX_SAMPLE_ELEMENTS || length >= MAX_LENGTH) parts.push('<!-- sample truncated -->');
  return parts.join('\n');
}
