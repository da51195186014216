import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { BackupUploads } from '@/lib/background/backup-uploads';
import { handleUiAction } from '@/lib/background/handle-ui-action';
import { openReadOnly } from '@/lib/db/read-only';
import { openGuardDb } from '@/lib/db/schema';
import { memoryArea } from '../helpers/storage-area';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const OPTIONS_PAGE = { id: OWN_ID, url: `${ORIGIN}options.html` };
const T = Date.UTC(2026, 10, 20, 10);

const backup = JSON.stringify({
  format: 'esim-usage-guard-backup',
  version: 1,
  exportedAt: T,
  lines: [{ id: 1, carrierId: 'movistar-es', lineKey: 'movistar-es:0012', lineDigits: '0012', planName: null, label: 'Work', color: null, hidden: false, pendingConfirmation: false, createdAt: T }],
  readings: [0, 1, 2].map((i) => ({
    lineId: 1, bucket: 'data', capturedAt: T + i * 3_600_000, confirmedAt: T + i * 3_600_000, usedBytes: (i + 1) * 1e8, totalBytes: 2e10,
    unlimited: false, remainingBytes: 2e10 - (i + 1) * 1e8, periodEnd: null, pageSaysUpdatedAt: null, overage: false, source: 'page', generic: false,
  })),
});

/**
 * A fresh profile: the options page opens the database while the background creates it and
 * writes an import into it. Only the background creates or upgrades the database; the page waits
 * for its word, so nothing the background wrote is lost (issue: a first-run import lost).
 */
describe('the database on a fresh profile', () => {
  it('keeps a first-run import when a page opens the database at the same moment', async () => {
    for (let run = 0; run < 10; run++) {
      const name = `first-run-${run}-${Math.random()}`;
      const db = openGuardDb(name);
      const deps = { db, ownId: OWN_ID, extensionOrigin: ORIGIN, onChanged: vi.fn(), log: vi.fn(), local: memoryArea(), uploads: new BackupUploads(Date.now) };
      const ready = async () => {
        const reply = await handleUiAction({ type: 'database-ready' }, OPTIONS_PAGE, deps);
        if (!reply.ok) throw new Error(reply.error);
      };
      const [page, imported] = await Promise.all([
        openReadOnly(ready, name),
        handleUiAction({ type: 'import-backup', text: backup, apply: true }, OPTIONS_PAGE, deps),
      ]);
      expect(imported).toMatchObject({ ok: true, applied: true });
      expect(await page.readings.count()).toBe(3);
      page.close();
      db.close();
      // Opened afresh, as after a restart: everything is still there.
      const again = new Dexie(name);
      await again.open();
      expect(await again.table('readings').count()).toBe(3);
      expect(await again.table('lines').count()).toBe(1);
      again.close();
    }
  });

  it('answers database-ready without rebuilding anything', async () => {
    const db = openGuardDb(`ready-${Math.random()}`);
    const onChanged = vi.fn();
    const reply = await handleUiAction({ type: 'database-ready' }, OPTIONS_PAGE, { db, ownId: OWN_ID, extensionOrigin: ORIGIN, onChanged, log: vi.fn(), local: memoryArea(), uploads: new BackupUploads(Date.now) });
    expect(reply).toEqual({ ok: true });
    expect(db.isOpen()).toBe(true);
    expect(onChanged).not.toHaveBeenCalled();
    db.close();
  });
});
