import { pageText, type TextPiece } from '../extract/text';
import { KEPT_ATTRIBUTES, MAX_SAMPLE_ELEMENTS, type SampleElement, type SampleField, type SampleNode } from './sample-shape';

/**
 * The content-script half of "Copy a redacted sample of this page": the page's structure as the
 * readers see it (the same text model: shadow roots, same-origin frames, attribute values;
 * nothing hidden), not yet redacted. The masking itself (lib/reader/redact.ts, about 1.5 KB gzip
 * with its allow-list) runs in the popup that asked, which alone puts the sample on the
 * clipboard: it ships in no carrier's content script (content_js_gzip_kb ≤ 20). The tree goes
 * only from our content script to our popup (tabs.sendMessage's reply, which the page cannot
 * read); form values, scripts, styles and links are never in it.
 */

const fieldOf = (el: Element): SampleField => ({ tag: el.localName, type: el.getAttribute('type') ?? '' });

/** The shown tree under `root` (a document element or any element), in reading order. */
export function sampleTree(root: Element): SampleNode | null {
  const page = pageText(root);
  const own = new Map<Element, TextPiece[]>();
  for (const piece of page.pieces) {
    const list = own.get(piece.owner);
    if (list) list.push(piece);
    else own.set(piece.owner, [piece]);
  }
  const fields = new Map<Element, Element[]>();
  for (const f of page.fields) {
    const p = page.parent(f);
    if (p) fields.set(p, [...(fields.get(p) ?? []), f]);
  }
  let elements = 0;
  const walk = (el: Element): SampleNode | null => {
    if (elements >= MAX_SAMPLE_ELEMENTS) return null;
    elements += 1;
    if (el.localName === 'select') return fieldOf(el);
    const attrs: Array<[string, string]> = [];
    for (const name of KEPT_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value !== null) attrs.push([name, value]);
    }
    const order: Array<{ at: number; text?: string; el?: Element }> = [
      ...(own.get(el) ?? []).map((p) => ({ at: p.at, text: p.value })),
      ...page.children(el).map((c) => ({ at: page.position(c), el: c })),
    ].sort((a, b) => a.at - b.at);
    const items: SampleElement['items'] = [];
    for (const item of order) {
      if (item.el) {
        const child = walk(item.el);
        if (child) items.push(child);
      } else {
        const text = item.text!.replace(/\s+/g, ' ').trim();
        if (text) items.push(text);
      }
    }
    return { tag: el.localName, attrs, items, fields: (fields.get(el) ?? []).map(fieldOf) };
  };
  return page.position(root) >= 0 ? walk(root) : null;
}
