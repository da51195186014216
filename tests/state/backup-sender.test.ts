import { describe, expect, it } from 'vitest';
import { BackupUploads } from '@/lib/background/backup-uploads';
import { PART_CHARS, piecesOf } from '@/lib/backup/transfer';
import type { UiAction, UiActionReply } from '@/lib/messages/ui-actions';
import { outgoingBackup, sendBackup } from '@/lib/state/backup-sender';

/** A background that keeps pieces as the real one does, and answers an import with the file's length. */
function background() {
  let uploads = new BackupUploads(() => 0);
  const sent: string[] = [];
  const send = (async (action: UiAction): Promise<UiActionReply> => {
    sent.push(action.type === 'import-part' ? `part ${action.index}/${action.count}` : action.type);
    if (action.type === 'import-part') return uploads.add(action.uploadId, action.index, action.count, action.text);
    if (action.type !== 'import-backup') throw new Error('unexpected');
    const text = action.text ?? uploads.text(action.uploadId!);
    if (text === null) return { ok: false, error: 'upload lost' };
    return { ok: true, applied: action.apply, counts: { lines: 0, newLines: 0, readings: text.length, newReadings: 0, duplicateReadings: 0, futureReadings: 0 } };
  }) as never;
  return { send, sent, restart: () => (uploads = new BackupUploads(() => 0)) };
}

describe('sending a backup to the background', () => {
  it('sends a small file in one message', async () => {
    const bg = background();
    const reply = await sendBackup(bg.send, outgoingBackup('{"small":true}', () => 'upload-0001'), false);
    expect(reply).toMatchObject({ ok: true, counts: { readings: 14 } });
    expect(bg.sent).toEqual(['import-backup']);
  });

  it('sends a large file in pieces, names it to apply it, and sends the pieces again if the worker lost them', async () => {
    const bg = background();
    const text = 'x'.repeat(2 * PART_CHARS + 10);
    const file = outgoingBackup(text, () => 'upload-0001');
    expect(await sendBackup(bg.send, file, false)).toMatchObject({ ok: true, applied: false, counts: { readings: text.length } });
    expect(bg.sent).toEqual(['part 0/3', 'part 1/3', 'part 2/3', 'import-backup']);
    bg.restart();
    expect(await sendBackup(bg.send, file, true)).toMatchObject({ ok: true, applied: true, counts: { readings: text.length } });
    expect(bg.sent.slice(4)).toEqual(['import-backup', 'part 0/3', 'part 1/3', 'part 2/3', 'import-backup']);
  });

  it('has no piece larger than one message may be, and refuses a file no upload can hold', () => {
    expect(piecesOf('y'.repeat(PART_CHARS * 3 + 1))!.map((p) => p.length)).toEqual([PART_CHARS, PART_CHARS, PART_CHARS, 1]);
    expect(piecesOf('')).toEqual(['']);
  });
});

describe('the background’s pieces', () => {
  it('are refused out of order, twice, or for too many uploads at once, and expire', () => {
    let now = 0;
    const uploads = new BackupUploads(() => now);
    expect(uploads.add('a-upload', 1, 2, 'x')).toEqual({ ok: false, error: 'upload refused' });
    expect(uploads.add('a-upload', 0, 2, 'x')).toEqual({ ok: true });
    expect(uploads.add('a-upload', 0, 2, 'x')).toEqual({ ok: false, error: 'upload refused' });
    expect(uploads.add('a-upload', 1, 3, 'y')).toEqual({ ok: false, error: 'upload refused' });
    expect(uploads.text('a-upload')).toBeNull();
    expect(uploads.add('a-upload', 1, 2, 'y')).toEqual({ ok: true });
    expect(uploads.text('a-upload')).toBe('xy');
    expect(uploads.add('b-upload', 0, 2, 'x')).toEqual({ ok: true });
    expect(uploads.add('c-upload', 0, 2, 'x')).toEqual({ ok: false, error: 'upload refused' });
    now += 16 * 60_000;
    expect(uploads.text('a-upload')).toBeNull();
  });
});
