import { describe, expect, it, vi } from 'vitest';
import { createPopupModel, type OverviewSource } from '@/lib/state/popup-model';
import { OVERVIEW_KEY } from '@/lib/storage/keys';
import { OVERVIEW_VERSION } from '@/lib/storage/overview';
import { STORAGE_ERROR_KEY } from '@/lib/storage/keys';

type Listener = Parameters<OverviewSource['onChanged']['addListener']>[0];

function fakeStorage(initial: Record<string, unknown>) {
  const listeners = new Set<Listener>();
  const source: OverviewSource = {
    get: vi.fn(async (key: string) => (key in initial ? { [key]: initial[key] } : {})),
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  const emit = (key: string, newValue: unknown) => listeners.forEach((l) => l({ [key]: { newValue } }));
  return { source, emit };
}

const overview = { version: OVERVIEW_VERSION, generatedAt: 1, cards: [] };
const flush = () => new Promise((r) => setTimeout(r, 0));
const notCarrier = async () => ({ kind: 'not-carrier' as const });

describe('popup model: a reading the background could not save', () => {
  it('shows the error recorded before the popup opened, next to the overview', async () => {
    const { source } = fakeStorage({ [OVERVIEW_KEY]: overview, [STORAGE_ERROR_KEY]: { at: 5, message: 'disk full' } });
    const model = createPopupModel(source, notCarrier);
    await flush();
    expect(model.error.value).toBe('disk full');
    expect(model.cards.value).toEqual([]);
    model.dispose();
  });

  it('follows the error live: shown when written, gone when the next write succeeds', async () => {
    const { source, emit } = fakeStorage({ [OVERVIEW_KEY]: overview });
    const model = createPopupModel(source, notCarrier);
    await flush();
    expect(model.error.value).toBeNull();
    emit(STORAGE_ERROR_KEY, { at: 6, message: 'database closed' });
    expect(model.error.value).toBe('database closed');
    emit(STORAGE_ERROR_KEY, undefined);
    expect(model.error.value).toBeNull();
    emit(STORAGE_ERROR_KEY, { message: 42 });
    expect(model.error.value).toBeNull();
    model.dispose();
  });
});
