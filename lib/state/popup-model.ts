import { signal, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { carrierLabel } from '../carriers';
import { loadLatest } from '../db/latest';
import type { GuardDb } from '../db/schema';
import { toCardModels, type LineCardModel } from '../summary/card';
import type { ActiveTabStatus } from './active-tab';

export interface PopupModel {
  /** null while the first query runs. */
  cards: ReadonlySignal<LineCardModel[] | null>;
  tab: ReadonlySignal<ActiveTabStatus | null>;
  /** Ticks so "3 min ago" stays true while the popup is open. */
  now: ReadonlySignal<number>;
  error: ReadonlySignal<string | null>;
  dispose(): void;
}

const CLOCK_TICK_MS = 30_000;

/** The popup's state: stored lines (live, so a reading saved while open shows at once) and the tab's status. */
export function createPopupModel(db: GuardDb, loadTabStatus: () => Promise<ActiveTabStatus>): PopupModel {
  const cards = signal<LineCardModel[] | null>(null);
  const tab = signal<ActiveTabStatus | null>(null);
  const now = signal(Date.now());
  const error = signal<string | null>(null);

  const subscription = liveQuery(() => loadLatest(db)).subscribe({
    next: (latest) => {
      now.value = Date.now();
      cards.value = toCardModels(latest, carrierLabel);
    },
    error: (e: unknown) => {
      error.value = e instanceof Error ? e.message : String(e);
    },
  });
  void loadTabStatus()
    .then((status) => (tab.value = status))
    .catch(() => (tab.value = { kind: 'not-carrier' }));
  const clock = setInterval(() => (now.value = Date.now()), CLOCK_TICK_MS);

  return {
    cards,
    tab,
    now,
    error,
    dispose() {
      subscription.unsubscribe();
      clearInterval(clock);
    },
  };
}
