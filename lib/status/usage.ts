/** The figures of one reading, as the UI and the badge need them. Pure. */
export interface UsageFigures {
  usedBytes: number | null;
  totalBytes: number | null;
  remainingBytes: number | null;
  unlimited: boolean;
}

/** Used bytes, derived from total − remaining when the page only showed what is left. */
export function usedOf(r: UsageFigures): number | null {
  if (r.usedBytes !== null) return r.usedBytes;
  if (r.totalBytes !== null && r.remainingBytes !== null) return Math.max(0, r.totalBytes - r.remainingBytes);
  return null;
}

/** Percent of the cap used (may exceed 100 on overage), or null when unlimited or unknown. */
export function percentUsed(r: UsageFigures): number | null {
  if (r.unlimited || r.totalBytes === null) return null;
  const used = usedOf(r);
  if (used === null) return null;
  if (r.totalBytes === 0) return used > 0 ? 100 : 0;
  return (used / r.totalBytes) * 100;
}
