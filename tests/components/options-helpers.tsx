import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import type { LineRow } from '@/lib/db/schema';

export function mount(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => render(node, root));
  return root;
}

export function unmountAll(): void {
  for (const child of [...document.body.children]) act(() => render(null, child));
  document.body.innerHTML = '';
}

/** Types a value the way a user does: the value changes, then `input` (and `change` on commit). */
export async function type(el: Element | null, value: string, commit = false): Promise<void> {
  if (!el) throw new Error('no such field');
  const input = el as HTMLInputElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (commit) input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function choose(el: Element | null, value: string): Promise<void> {
  if (!el) throw new Error('no such select');
  await act(() => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(el: Element | null): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => (el as HTMLElement).click());
}

export function byText(root: ParentNode, selector: string, text: string): HTMLElement | null {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.trim() === text) ?? null;
}

/** Every form control has a label the screen reader announces. */
export function unlabelled(root: HTMLElement): string[] {
  return [...root.querySelectorAll<HTMLInputElement>('input, select, textarea')]
    .filter((el) => !(el.id && root.querySelector(`label[for="${el.id}"]`)?.textContent?.trim()) && !el.getAttribute('aria-label'))
    .map((el) => el.outerHTML);
}

export function line(overrides: Partial<LineRow> = {}): LineRow {
  return {
    id: 1,
    carrierId: 'movistar-es',
    lineKey: 'movistar-es:0012',
    lineDigits: '0012',
    planName: null,
    label: null,
    color: null,
    hidden: false,
    pendingConfirmation: false,
    capBytes: null,
    cycleDay: null,
    createdAt: 1,
    ...overrides,
  };
}

export function selectedText(select: HTMLSelectElement | null): string | undefined {
  return select ? select.options[select.selectedIndex]?.textContent ?? undefined : undefined;
}
