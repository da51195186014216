import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { LineCardModel } from '../status/card';
import { asOverview } from '../storage/overview';
import { OVERVIEW_KEY } from '../storage/keys';
import { asStorageError } from '../storage/storage-error';
import { STORAGE_ERROR_KEY } from '../storage/keys';
import type { ActiveTabStatus } from './active-tab';

type ChangeListener = (changes: Record<string, { newValue?: unknown }>) => void;

/**
 * The slice of `browser.storage.local` the popup uses (injected so tests need no browser). Its
 * own `onChanged` (not `storage.onChanged`) hears only this area, and passes no area name.
 */
export interface OverviewSource {
  get(key: string): Promise<Record<string, unknown>>;
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
}

export interface PopupModel {
  /** null until the background's overview has been read. */
  cards: ReadonlySignal<LineCardModel[] | null>;
  tab: ReadonlySignal<ActiveTabStatus | null>;
  /** Ticks so "3 min ago" stays true while the popup is open. */
  now: ReadonlySignal<number>;
  error: ReadonlySignal<string | null>;
  dispose(): void;
}

const CLOCK_TICK_MS = 30_000;

/** The popup's state: the overview (live: a reading saved while the popup is open shows at once) and the tab's status. */
export function createPopupModel(source: OverviewSource, loadTabStatus: () => Promise<ActiveTabStatus>): PopupModel {
  const cards = signal<LineCardModel[] | null>(null);
  const tab = signal<ActiveTabStatus | null>(null);
  const now = signal(Date.now());
  const readError = signal<string | null>(null);
  // The background's record of a reading it could not save (see lib/summary/storage-error.ts).
  const saveError = signal<string | null>(null);
  const error = computed(() => readError.value ?? saveError.value);

  const apply = (value: unknown) => {
    const overview = asOverview(value);
    if (!overview) return;
    now.value = Date.now();
    cards.value = overview.cards;
  };
  const applySaveError = (value: unknown) => (saveError.value = asStorageError(value)?.message ?? null);
  const onChanged: ChangeListener = (changes) => {
    if (OVERVIEW_KEY in changes) apply(changes[OVERVIEW_KEY]?.newValue);
    if (STORAGE_ERROR_KEY in changes) applySaveError(changes[STORAGE_ERROR_KEY]?.newValue);
  };
  source.onChanged.addListener(onChanged);
  source
    .get(OVERVIEW_KEY)
    .then((stored) => apply(stored[OVERVIEW_KEY]))
    .catch((e: unknown) => (readError.value = e instanceof Error ? e.message : String(e)));
  source
    .get(STORAGE_ERROR_KEY)
    .then((stored) => applySaveError(stored[STORAGE_ERROR_KEY]))
    .catch(() => undefined); // a failing storage.local is already reported by the read above
  loadTabStatus()
    .then((status) => (tab.value = status))
    .catch(() => (tab.value = { kind: 'not-carrier' }));
  const clock = setInterval(() => (now.value = Date.now()), CLOCK_TICK_MS);

  return {
    cards,
    tab,
    now,
    error,
    dispose() {
      source.onChanged.removeListener(onChanged);
      clearInterval(clock);
    },
  };
}
