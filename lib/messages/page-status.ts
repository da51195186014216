/**
 * What the content script tells the popup about its page. Plain types and a hand-written guard
 * rather than zod: the popup must stay small, and this crosses only between our own scripts.
 */
export const PAGE_STATES = [
  'waiting',
  'read',
  'unchanged',
  'not-usage-page',
  'logged-out',
  'layout-changed',
  'rejected',
] as const;

export type PageState = (typeof PAGE_STATES)[number];

export interface PageStatus {
  carrierId: string;
  state: PageState;
  /** How many lines the page showed (when read). */
  lines: number;
  detail: string;
}

export const STATUS_REQUEST = { type: 'status-request' } as const;

/**
 * Background → content script: "which page are you?" (origin and path only). Firefox tells an
 * add-on a tab's URL only with the `tabs` permission, which we do not ask for: a check finds the
 * carrier tab the user has open on a line's page by asking the tabs' own readers instead.
 */
export const PAGE_REQUEST = { type: 'page-request' } as const;

export function isPageRequest(message: unknown): boolean {
  return hasType(message, PAGE_REQUEST.type);
}

/** Popup → content script: "give me a redacted sample of this page" (lib/reader/sample-tree.ts; the popup redacts it, lib/reader/redact.ts). */
export const SAMPLE_REQUEST = { type: 'sample-request' } as const;

function hasType(message: unknown, type: string): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

export function isStatusRequest(message: unknown): boolean {
  return hasType(message, STATUS_REQUEST.type);
}

export function isSampleRequest(message: unknown): boolean {
  return hasType(message, SAMPLE_REQUEST.type);
}

export function isPageStatus(value: unknown): value is PageStatus {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.carrierId === 'string' &&
    (PAGE_STATES as readonly unknown[]).includes(v.state) &&
    typeof v.lines === 'number' &&
    Number.isInteger(v.lines) &&
    v.lines >= 0 &&
    typeof v.detail === 'string'
  );
}
