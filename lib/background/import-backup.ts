import type { GuardDb } from '../db/schema';
import type { UiActionReply } from '../messages/ui-actions';

// Placeholder until lib/backup lands (parseBackup / mergeBackup).
export async function importBackup(_db: GuardDb, _text: string, _apply: boolean, _log: (m: string, d?: unknown) => void): Promise<UiActionReply<'import-backup'>> {
  return { ok: false, error: 'invalid backup', detail: 'backup support is not available yet' };
}
