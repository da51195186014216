import { describe, expect, it, vi } from 'vitest';
import { handleContentMessage } from '@/lib/background/handle-content-message';
import { CARRIERS } from '@/lib/carriers';
import { openGuardDb } from '@/lib/db/schema';
import { recordTabLines, tabLineIds } from '@/lib/storage/tab-lines';
import { memoryArea } from '../helpers/storage-area';
import { pageReading } from '../helpers/readings';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('the lines each tab was read for', () => {
  it('are what the background stored or confirmed from that tab’s page, and where the line was read', async () => {
    const db = openGuardDb(`tab-lines-${Math.random()}`);
    const area = memoryArea();
    const deps = { db, ownId: OWN_ID, adapters: CARRIERS, now: () => 1_000, onStored: vi.fn(), log: vi.fn(), onTabLines: (tab: number, ids: number[]) => recordTabLines(area, tab, ids, 1_000) };
    const sender = { id: OWN_ID, url: 'https://appweb.movistar.es/home?token=secret#consumo', tab: { id: 7 } };
    const message = { type: 'page-readings', carrierId: 'movistar-es', readings: [pageReading({ lineDigits: '0012' }), pageReading({ lineDigits: '0012', bucket: 'roaming', totalBytes: 5e9, remainingBytes: 4e9, usedBytes: 1e9 })] };
    expect(await handleContentMessage(message, sender, deps)).toEqual({ ok: true, stored: 2, confirmed: 0 });
    await handleContentMessage({ ...message, readings: [pageReading({ lineDigits: '0099' })] }, { ...sender, tab: { id: 8 } }, deps);
    const lines = await db.lines.toArray();
    const of = (digits: string) => lines.find((l) => l.lineDigits === digits)!.id;
    expect(await tabLineIds(area, 7)).toEqual([of('0012')]);
    expect(await tabLineIds(area, 8)).toEqual([of('0099')]);
    expect(await tabLineIds(area, 9)).toEqual([]);
    expect(lines.map((l) => l.lastPageUrl)).toEqual(['https://appweb.movistar.es/home#consumo', 'https://appweb.movistar.es/home#consumo']);
    await db.delete();
  });

  it('keep only the newest fifty tabs', async () => {
    const area = memoryArea();
    for (let tab = 1; tab <= 60; tab++) await recordTabLines(area, tab, [tab], tab);
    expect(await tabLineIds(area, 5)).toEqual([]);
    expect(await tabLineIds(area, 60)).toEqual([60]);
  });
});
