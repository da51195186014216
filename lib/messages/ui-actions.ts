import { z } from './zod';

/**
 * Popup/options → background. Only extension pages may send these (checked by the background);
 * the background is the only writer, so every change the user makes goes through here.
 */
export const uiActionSchema = z.discriminatedUnion('type', [
  /** "Yes, these figures are right": the generic reader's line starts to count. */
  z.strictObject({ type: z.literal('confirm-line'), lineId: z.int().check(z.positive()) }),
  /** "No, discard": the line and its readings are deleted. */
  z.strictObject({ type: z.literal('discard-line'), lineId: z.int().check(z.positive()) }),
]);

export type UiAction = z.infer<typeof uiActionSchema>;
export type UiActionReply = { ok: true } | { ok: false; error: string };

export const UI_ACTION_TYPES: ReadonlySet<string> = new Set(['confirm-line', 'discard-line']);
