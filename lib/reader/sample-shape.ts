/**
 * What crosses from the content script (lib/reader/sample-tree.ts) to the popup's redaction
 * (lib/reader/redact.ts) for "Copy a redacted sample of this page". Free of imports: both sides
 * bundle it.
 */

/** Attributes a sample keeps (redacted); links are left out: their query strings carry account ids. */
export const KEPT_ATTRIBUTES = ['id', 'class', 'role', 'aria-label', 'title', 'alt'];
/** At most this many elements: the popup's redaction adds its own length cap. */
export const MAX_SAMPLE_ELEMENTS = 4_000;

/** A form field: its tag and type only (its value may be a user name or a number). */
export interface SampleField {
  tag: string;
  type: string;
}
/** An element: kept attributes, then its texts and child elements in reading order, then its shown fields. */
export interface SampleElement {
  tag: string;
  attrs: Array<[string, string]>;
  items: Array<string | SampleElement | SampleField>;
  fields: SampleField[];
}
export type SampleNode = SampleElement | SampleField;

/** What the content script answers a sample request with. */
export interface SampleReply {
  locale: string;
  tree: SampleNode | null;
}
