import { MAX_BYTES } from '../vocabulary/limits';
import { COLOR, implausible, isSafeText, type CheckedFigures } from '../vocabulary/plausibility';
import { z } from './zod';

/**
 * Field rules shared by every schema that takes figures from outside the background: page
 * messages, UI actions and backup files. One definition, so a byte or a date means the same
 * everywhere.
 */

/** Integer bytes, never negative, never more than any phone plan sells. */
export const bytes = z.int().check(z.minimum(0), z.maximum(MAX_BYTES));

/** Epoch bounds that catch a date parsed in the wrong unit (seconds) or a wild year. */
const MIN_TIME = Date.UTC(2015, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);
/** A time read off a page (ms since epoch, within sane years). */
export const epochMs = z.number().check(z.minimum(MIN_TIME), z.maximum(MAX_TIME));
/** A time we wrote ourselves (stored rows, backups): whole milliseconds. */
export const epochMsInt = z.int().check(z.minimum(MIN_TIME), z.maximum(MAX_TIME));

export const carrierId = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/));

/** Text shown in the UI that came from outside: length-capped, no control or bidi-override characters. */
export const safeText = (max: number) =>
  z.string().check(z.maxLength(max), z.refine(isSafeText, { message: 'contains control or text-direction characters' }));

/** `#rrggbb`, never anything a stylesheet could fetch. */
export const color = z.string().check(z.regex(COLOR));

/** The plausibility rules of lib/vocabulary/plausibility.ts, for every schema that takes figures. */
export const plausibleFigures = z.superRefine((r: CheckedFigures, ctx) => {
  const problem = implausible(r);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: r });
});
export const periodEndKind = z.enum(['renewal', 'expiry']);
