import { PART_CHARS, piecesOf } from '../backup/transfer';
import type { UiAction, UiActionReply, UiActionType } from '../messages/ui-actions';

type Send = <T extends UiActionType>(action: Extract<UiAction, { type: T }>) => Promise<UiActionReply<T>>;

/** A chosen backup file on its way to the background: small ones in one message, large ones as an upload. */
export interface OutgoingBackup {
  text: string;
  /** Set for a file sent in pieces (see lib/backup/transfer.ts). */
  uploadId: string | null;
}

export function outgoingBackup(text: string, newId: () => string): OutgoingBackup {
  return { text, uploadId: text.length > PART_CHARS ? newId() : null };
}

async function upload(send: Send, file: OutgoingBackup & { uploadId: string }): Promise<UiActionReply<'import-part'>> {
  const pieces = piecesOf(file.text);
  if (!pieces) return { ok: false, error: 'upload refused', detail: 'the file is too large' };
  for (const [index, text] of pieces.entries()) {
    const reply = await send({ type: 'import-part', uploadId: file.uploadId, index, count: pieces.length, text });
    if (!reply.ok) return reply;
  }
  return { ok: true };
}

/**
 * Previews (`apply: false`) or applies the import. A large file is uploaded for the preview and
 * named again to apply it; if the background lost the pieces meanwhile (its worker restarted), they
 * are sent once more, so the user never has to choose the file twice.
 */
export async function sendBackup(send: Send, file: OutgoingBackup, apply: boolean): Promise<UiActionReply<'import-backup'>> {
  if (file.uploadId === null) return send({ type: 'import-backup', text: file.text, apply });
  const named = { ...file, uploadId: file.uploadId };
  if (!apply) {
    const sent = await upload(send, named);
    if (!sent.ok) return sent;
  }
  const reply = await send({ type: 'import-backup', uploadId: named.uploadId, apply });
  if (reply.ok || reply.error !== 'upload lost') return reply;
  const again = await upload(send, named);
  return again.ok ? send({ type: 'import-backup', uploadId: named.uploadId, apply }) : again;
}
