import { MINUTE } from '../time/units';

/**
 * A large backup file arrives in pieces (`import-part`, see lib/backup/transfer.ts). They wait here, in
 * the service worker's memory, until `import-backup` names the upload; a worker stopped in between
 * loses them and the page is told to choose the file again. Bounded in size, count and time, so a
 * page cannot make the worker hold memory for long.
 */
const MAX_UPLOADS = 2;
const KEEP_MS = 15 * MINUTE;

interface Upload {
  parts: Array<string | undefined>;
  startedAt: number;
}

export type PartResult = { ok: true } | { ok: false; error: 'upload refused' };

export class BackupUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly now: () => number) {}

  add(id: string, index: number, count: number, text: string): PartResult {
    this.prune();
    let upload = this.uploads.get(id);
    if (!upload) {
      if (index !== 0 || this.uploads.size >= MAX_UPLOADS) return { ok: false, error: 'upload refused' };
      upload = { parts: new Array<string | undefined>(count).fill(undefined), startedAt: this.now() };
      this.uploads.set(id, upload);
    }
    if (count !== upload.parts.length || index >= count || upload.parts[index] !== undefined) return { ok: false, error: 'upload refused' };
    upload.parts[index] = text;
    return { ok: true };
  }

  /** The whole file once every piece has arrived; null when it is incomplete, expired or unknown. */
  text(id: string): string | null {
    this.prune();
    const upload = this.uploads.get(id);
    if (!upload || upload.parts.some((p) => p === undefined)) return null;
    return upload.parts.join('');
  }

  drop(id: string): void {
    this.uploads.delete(id);
  }

  private prune(): void {
    const now = this.now();
    for (const [id, upload] of this.uploads) if (now - upload.startedAt > KEEP_MS || now < upload.startedAt) this.uploads.delete(id);
  }
}
