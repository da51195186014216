/**
 * How a backup file travels from the options page to the background: one message holds at most
 * 64 MiB in Chrome, and a year of fifty lines' readings can be more, so a large file is sent as
 * pieces (`import-part`), then named by its upload id (`import-backup`). Zod-free: the page uses it.
 */
export const PART_CHARS = 8 * 1024 * 1024;
export const MAX_PARTS = 64;

/** The file in pieces of at most PART_CHARS, or null when even MAX_PARTS pieces cannot hold it. */
export function piecesOf(text: string): string[] | null {
  const count = Math.max(1, Math.ceil(text.length / PART_CHARS));
  if (count > MAX_PARTS) return null;
  return Array.from({ length: count }, (_, i) => text.slice(i * PART_CHARS, (i + 1) * PART_CHARS));
}
