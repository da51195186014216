import { describe, expect, it, vi } from 'vitest';
import { createPopupModel, type OverviewSource } from '@/lib/state/popup-model';
import { OVERVIEW_KEY } from '@/lib/storage/keys';
import { OVERVIEW_VERSION } from '@/lib/storage/overview';

type Listener = Parameters<OverviewSource['onChanged']['addListener']>[0];

function fakeSource(stored: unknown) {
  const listeners = new Set<Listener>();
  const source: OverviewSource = {
    get: vi.fn(async () => (stored === undefined ? {} : { [OVERVIEW_KEY]: stored })),
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  const emit = (value: unknown, key = OVERVIEW_KEY) => listeners.forEach((l) => l({ [key]: { newValue: value } }));
  return { source, emit, listeners };
}

const snapshot = (names: string[]) => ({
  version: OVERVIEW_VERSION,
  generatedAt: 1,
  cards: names.map((name, i) => ({ lineId: i + 1, name })),
});

const notCarrier = async () => ({ kind: 'not-carrier' as const });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('createPopupModel', () => {
  it('shows the stored overview and follows later changes live', async () => {
    const { source, emit } = fakeSource(snapshot(['Movistar ••12']));
    const model = createPopupModel(source, notCarrier);
    expect(model.cards.value).toBeNull();
    await flush();
    expect(model.cards.value?.map((c) => c.name)).toEqual(['Movistar ••12']);
    emit(snapshot(['Movistar ••12', 'Orange ••34']));
    expect(model.cards.value).toHaveLength(2);
    emit(snapshot([]), 'settings');
    expect(model.cards.value).toHaveLength(2);
    model.dispose();
  });

  it('stays loading on a snapshot written by another version, until the background rewrites it', async () => {
    const { source, emit } = fakeSource({ version: 0, cards: [] });
    const model = createPopupModel(source, notCarrier);
    await flush();
    expect(model.cards.value).toBeNull();
    emit(snapshot([]));
    expect(model.cards.value).toEqual([]);
    model.dispose();
  });

  it('reports a storage failure', async () => {
    const { source } = fakeSource(undefined);
    source.get = async () => {
      throw new Error('storage is unavailable');
    };
    const model = createPopupModel(source, notCarrier);
    await flush();
    expect(model.error.value).toBe('storage is unavailable');
    model.dispose();
  });

  it('carries the active tab status, and treats a failed lookup as no carrier page', async () => {
    const ok = createPopupModel(fakeSource(undefined).source, async () => ({ kind: 'needs-reload', carrierId: 'movistar-es' }));
    const failing = createPopupModel(fakeSource(undefined).source, async () => {
      throw new Error('no tabs');
    });
    await flush();
    expect(ok.tab.value).toEqual({ kind: 'needs-reload', carrierId: 'movistar-es' });
    expect(failing.tab.value).toEqual({ kind: 'not-carrier' });
    ok.dispose();
    failing.dispose();
  });

  it('stops listening when disposed', () => {
    const { source, listeners } = fakeSource(undefined);
    createPopupModel(source, notCarrier).dispose();
    expect(listeners.size).toBe(0);
  });
});
