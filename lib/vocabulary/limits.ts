/**
 * Plausibility limits shared by the background's zod schemas and the adapters. Kept free of zod
 * so a content script can use them without carrying the schema library onto every carrier page.
 */

/** More than any phone plan sells (100 TB): a bigger figure is a parsing error. */
export const MAX_BYTES = 100 * 1024 ** 4;
/** Past this multiple of the cap, "used" is a misread unless the page itself reports overage. */
export const MAX_USED_OVER_TOTAL = 1.5;
