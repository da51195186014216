import { waitFor } from './harness';

/**
 * What the extension stored, as the end-to-end tests of either browser read it: the fields they
 * check of its lines and readings, and a wait for a carrier's readings to be there.
 */
export interface StoredLine {
  id: number;
  carrierId: string;
  lineKey: string;
}
export interface StoredReading {
  lineId: number;
  bucket: string;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
}

/** The extension's lines and readings stores, read from whichever browser. */
export interface Stores<R extends StoredReading = StoredReading> {
  lines: () => Promise<StoredLine[]>;
  readings: () => Promise<R[]>;
}

/** The stored readings of `carrierId`'s lines, once there are at least `expected`. */
export async function carrierReadings<R extends StoredReading>(read: Stores<R>, carrierId: string, expected: number): Promise<R[]> {
  const found = await waitFor(async () => {
    const ids = new Set((await read.lines()).filter((l) => l.carrierId === carrierId).map((l) => l.id));
    const rows = (await read.readings()).filter((r) => ids.has(r.lineId));
    return rows.length >= expected ? rows : null;
  }, `${carrierId} readings`);
  return found ?? [];
}
