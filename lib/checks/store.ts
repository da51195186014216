import type { StorageAreaLike } from '../background/storage-area';
import { CHECK_LAST_SCHEDULED_KEY, CHECK_ROUND_KEY, CHECK_SIGN_IN_KEY } from '../storage/keys';
import { asCheckRound, type CheckRound } from './state';

/**
 * Where the checks keep what must survive a service-worker restart: the round in `storage.session`
 * (a round means nothing after the browser restarts), the sign-in marks and the last scheduled
 * run in `storage.local`.
 */
export interface CheckStore {
  round(): Promise<CheckRound | null>;
  saveRound(round: CheckRound): Promise<void>;
  /** Lines whose last check needed a sign-in, and when. */
  signIns(): Promise<Record<string, number>>;
  saveSignIns(marks: Record<string, number>): Promise<void>;
  lastScheduled(): Promise<number | null>;
  saveLastScheduled(at: number): Promise<void>;
}

export function checkStore(session: StorageAreaLike, local: StorageAreaLike): CheckStore {
  return {
    round: async () => asCheckRound((await session.get(CHECK_ROUND_KEY))[CHECK_ROUND_KEY]),
    saveRound: (round) => session.set({ [CHECK_ROUND_KEY]: round }),
    async signIns() {
      const value = (await local.get(CHECK_SIGN_IN_KEY))[CHECK_SIGN_IN_KEY];
      return typeof value === 'object' && value !== null ? (value as Record<string, number>) : {};
    },
    saveSignIns: (marks) => local.set({ [CHECK_SIGN_IN_KEY]: marks }),
    async lastScheduled() {
      const value = (await local.get(CHECK_LAST_SCHEDULED_KEY))[CHECK_LAST_SCHEDULED_KEY];
      return typeof value === 'number' ? value : null;
    },
    saveLastScheduled: (at) => local.set({ [CHECK_LAST_SCHEDULED_KEY]: at }),
  };
}
