/**
 * Which line a usage block (blocks.ts) belongs to, and the text around it that is that line's
 * only (where its plan name and dates sit), on pages showing several lines at once.
 */
import { lineNumberIn, lineNumbers } from '../extract/line-number';
import type { Bucket, CarrierContext } from '../vocabulary/reading';
import type { Figures } from './figures';

export interface Block {
  element: Element;
  text: string;
  figures: Figures;
  bucket: Bucket;
  lineDigits: string | null;
  /** Text around the block that still belongs to its line only (plan name, dates). */
  context: string;
}

export interface TextNode {
  value: string;
  parent: Element;
  /** `value` is the parent's whole visible text (its only node, nothing else to normalize). */
  alone: boolean;
}

/**
 * The line a block belongs to: the innermost ancestor showing exactly one phone-like number. When
 * a custom line picker lists every number, the last one shown before the block that is not an
 * unselected option.
 */
export function lineOf(
  el: Element,
  up: (el: Element) => Element | null,
  textOf: (el: Element) => string,
  nodes: TextNode[],
  within: (outer: Element, el: Element) => boolean,
  { country }: CarrierContext,
): string | null {
  for (let a: Element | null = el; a; a = up(a)) {
    const found = lineNumbers(textOf(a), country);
    if (found.size === 1) return [...found][0]!;
    if (found.size > 1) break;
  }
  const start = nodes.findIndex((n) => within(el, n.parent));
  for (let i = (start < 0 ? nodes.length : start) - 1; i >= 0; i--) {
    const { value, parent } = nodes[i]!;
    if (!/[\d*Xx•][\d\s.Xx*•-]{6,}\d/.test(value) || parent.closest('[role="option"]:not([aria-selected="true"]), [aria-hidden="true"]')) continue;
    const digits = lineNumberIn(value, country);
    if (digits) return digits;
  }
  return null;
}

/** The largest ancestor holding no block of another line: where its plan name and dates sit. */
export function contextOf(
  block: Omit<Block, 'context'>,
  all: ReadonlyArray<Omit<Block, 'context'>>,
  up: (el: Element) => Element | null,
  within: (outer: Element, el: Element) => boolean,
  textOf: (el: Element) => string,
): string {
  let best: Element = block.element;
  for (let a = up(block.element); a && up(a); a = up(a)) {
    if (all.some((o) => o.lineDigits !== block.lineDigits && within(a!, o.element))) break;
    best = a;
  }
  return textOf(best);
}

