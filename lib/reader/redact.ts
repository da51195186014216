import type { NumberLocale } from '../extract/numbers';
import { findAmounts } from '../extract/units';

/**
 * "Copy a redacted sample of this page": when no adapter can read a page, the user can send us its
 * structure so we can write one. What is kept: tags, ids and class names, and the usage figures
 * themselves (amounts with a unit, percentages). What is removed: every other digit (phone,
 * account, contract and card numbers, dates become 00/00), e-mail addresses, and names after
 * greetings or name labels. Form values, scripts, styles and frames are never copied.
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'svg', 'SVG']);
// Links are left out: their query strings carry account ids, and routes add little to a sample.
const KEPT_ATTRIBUTES = ['id', 'class', 'role', 'aria-label', 'title', 'alt'];
const MAX_ELEMENTS = 4_000;
const MAX_LENGTH = 300_000;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const GREETING = /((?:hola|buen[oa]s (?:d[ií]as|tardes|noches)|bienvenid[oa]|hi|hello|welcome|bonjour|bonsoir|您好|你好|歡迎|欢迎)[,!:\s]*)(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})/giu;
const NAME_LABEL = /((?:titular|nombre|name|nom|pr[ée]nom|cliente?|customer|holder|客戶|客户|用戶|用户|姓名)\s*[:：]\s*)([^\n]{1,60})/giu;
const PERCENT = /\d+(?:[.,]\d+)?\s?%/g;

/** Masks one piece of visible text. Pure; exported for tests. */
export function redactText(text: string, locale: NumberLocale): string {
  let out = text.replace(EMAIL, '[email]').replace(NAME_LABEL, '$1[name]').replace(GREETING, '$1[name]');
  const keep: Array<[number, number]> = [
    ...findAmounts(out, locale, 1024).map((a): [number, number] => [a.index, a.index + a.length]),
    ...[...out.matchAll(PERCENT)].map((m): [number, number] => [m.index, m.index + m[0].length]),
  ];
  out = out.replace(/\d/g, (digit, offset: number) => (keep.some(([start, end]) => offset >= start && offset < end) ? digit : '0'));
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributes(el: Element, locale: NumberLocale): string {
  let out = '';
  for (const name of KEPT_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    const redacted = name === 'id' || name === 'class' || name === 'role' ? value.replace(/\d{4,}/g, (d) => '0'.repeat(d.length)) : redactText(value, locale);
    out += ` ${name}="${escapeHtml(redacted)}"`;
  }
  return out;
}

export function redactedSample(root: Element, locale: NumberLocale): string {
  const parts: string[] = [];
  let elements = 0;
  let length = 0;
  const walk = (node: Node, depth: number): void => {
    if (elements >= MAX_ELEMENTS || length >= MAX_LENGTH) return;
    if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) push(`${'  '.repeat(depth)}${escapeHtml(redactText(text, locale))}`);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP.has(el.tagName)) return;
    elements += 1;
    const tag = el.tagName.toLowerCase();
    // Form fields keep their type only: their values may be a user name or a number.
    if (tag === 'input' || tag === 'textarea' || tag === 'select') {
      push(`${'  '.repeat(depth)}<${tag} type="${escapeHtml(el.getAttribute('type') ?? '')}">`);
      return;
    }
    push(`${'  '.repeat(depth)}<${tag}${attributes(el, locale)}>`);
    el.childNodes.forEach((child) => walk(child, depth + 1));
    push(`${'  '.repeat(depth)}</${tag}>`);
  };
  const push = (line: string) => {
    parts.push(line);
    length += line.length + 1;
  };
  walk(root, 0);
  if (elements >= MAX_ELEMENTS || length >= MAX_LENGTH) parts.push('<!-- sample truncated -->');
  return parts.join('\n');
}
