/**
 * Every key the extension keeps in `browser.storage.local`, in one place: each one's record and
 * its guard live in the module named beside it. IndexedDB holds the readings; these are small.
 */
/** The user's preferences (lib/settings/schema.ts: settingsFrom). */
export const SETTINGS_KEY = 'settings';
/** The popup's first screen, precomputed by the background (lib/storage/overview.ts: asOverview). */
export const OVERVIEW_KEY = 'overview';
/** The last failed write of a reading (lib/storage/storage-error.ts: asStorageError). */
export const STORAGE_ERROR_KEY = 'storage-error';

/** In `storage.session` (gone when the browser closes): which lines each tab's carrier page was read for (lib/storage/tab-lines.ts). */
export const TAB_LINES_KEY = 'tab-lines';
/** In `storage.session`: the current or last round of checks (lib/checks/state.ts). */
export const CHECK_ROUND_KEY = 'check-round';
/** Lines whose last check found a sign-in page, with when (lib/checks/runner.ts). */
export const CHECK_SIGN_IN_KEY = 'check-sign-in';
/** When the last scheduled round started (lib/checks/schedule.ts). */
export const CHECK_LAST_SCHEDULED_KEY = 'check-last-scheduled';
