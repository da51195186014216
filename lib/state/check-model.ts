import { signal, type ReadonlySignal } from '@preact/signals';
import { asCheckRound, type CheckRound } from '../checks/state';
import { CHECK_ROUND_KEY } from '../storage/keys';
import type { OverviewSource } from './popup-model';

/**
 * The popup's view of the checks: the current (or last) round, live. The background runs the
 * round and keeps it in `storage.session`, so the popup may close and show it again when reopened.
 */
export interface CheckModel {
  round: ReadonlySignal<CheckRound | null>;
  dispose(): void;
}

export function createCheckModel(source: OverviewSource): CheckModel {
  const round = signal<CheckRound | null>(null);
  const onChanged: Parameters<OverviewSource['onChanged']['addListener']>[0] = (changes) => {
    if (CHECK_ROUND_KEY in changes) round.value = asCheckRound(changes[CHECK_ROUND_KEY]?.newValue);
  };
  source.onChanged.addListener(onChanged);
  source
    .get(CHECK_ROUND_KEY)
    .then((stored) => (round.value = asCheckRound(stored[CHECK_ROUND_KEY])))
    .catch(() => undefined);
  return { round, dispose: () => source.onChanged.removeListener(onChanged) };
}
