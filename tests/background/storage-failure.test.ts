import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleContentMessage, type ContentMessageDeps } from '@/lib/background/handle-content-message';
import { CARRIERS } from '@/lib/carriers';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { describeStorageError } from '@/lib/storage/storage-error';
import { pageReading } from '../helpers/readings';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const MOVISTAR_TAB = { id: OWN_ID, url: 'https://appweb.movistar.es/home', tab: { id: 7 } };
const message = { type: 'page-readings', carrierId: 'movistar-es', readings: [pageReading()] };

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
/** How Dexie reports a quota failure of a transaction: an AbortError with the DOM error inside. */
const wrappedQuota = () => new Dexie.AbortError('Transaction aborted', quota());

let db: GuardDb;
const storageErrorSpy = () => vi.fn<(message: string) => Promise<void> | void>();
const storageOkSpy = () => vi.fn<() => Promise<void> | void>();
let deps: ContentMessageDeps & { onStorageError: ReturnType<typeof storageErrorSpy>; onStorageOk: ReturnType<typeof storageOkSpy> };
let n = 0;

beforeEach(async () => {
  db = openGuardDb(`storage-failure-test-${++n}`);
  await db.open();
  deps = {
    db,
    ownId: OWN_ID,
    adapters: CARRIERS,
    now: () => 1_000,
    onStored: vi.fn(),
    log: vi.fn(),
    onStorageError: storageErrorSpy(),
    onStorageOk: storageOkSpy(),
  };
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('storing readings when IndexedDB fails', () => {
  it.each([
    ['QuotaExceededError', quota],
    ['QuotaExceededError inside a Dexie error', wrappedQuota],
  ])('retries once after a %s and stores the reading once', async (_what, makeError) => {
    const add = db.readings.add.bind(db.readings);
    const spy = vi.spyOn(db.readings, 'add').mockRejectedValueOnce(makeError()).mockImplementation(add);
    expect(await handleContentMessage(message, MOVISTAR_TAB, deps)).toEqual({ ok: true, stored: 1, confirmed: 0 });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(await db.readings.count()).toBe(1);
    // The failed attempt's transaction was rolled back whole: its new line is not there twice.
    expect(await db.lines.count()).toBe(1);
    expect(deps.onStorageError).not.toHaveBeenCalled();
    expect(deps.onStorageOk).toHaveBeenCalledOnce();
    expect(deps.log).toHaveBeenCalledWith('Could not store readings; retrying once', expect.anything());
  });

  it.each([
    ['QuotaExceededError', quota],
    ['QuotaExceededError inside a Dexie error', wrappedQuota],
  ])('reports a lasting %s as a visible error after exactly one retry', async (_what, makeError) => {
    const spy = vi.spyOn(db.readings, 'add').mockImplementation(() => Dexie.Promise.reject(makeError()) as never);
    expect(await handleContentMessage(message, MOVISTAR_TAB, deps)).toEqual({ ok: false, error: 'storage failed' });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(deps.onStorageError).toHaveBeenCalledExactlyOnceWith(expect.stringContaining('storage for the extension is full'));
    expect(deps.onStored).not.toHaveBeenCalled();
    expect(await db.readings.count()).toBe(0);
    expect(await db.lines.count()).toBe(0);
  });

  it('reopens a database the browser closed, on the retry', async () => {
    db.close();
    expect(await handleContentMessage(message, MOVISTAR_TAB, deps)).toEqual({ ok: true, stored: 1, confirmed: 0 });
    expect(deps.log).toHaveBeenCalledWith('Could not store readings; retrying once', expect.objectContaining({ name: 'DatabaseClosedError' }));
    expect(await db.readings.count()).toBe(1);
  });

  it('reports a closed database that cannot be reopened', async () => {
    db.close();
    const open = vi.spyOn(db, 'open').mockImplementation(() => Dexie.Promise.reject(new Dexie.DatabaseClosedError('gone')) as never);
    expect(await handleContentMessage(message, MOVISTAR_TAB, deps)).toEqual({ ok: false, error: 'storage failed' });
    expect(open).toHaveBeenCalledOnce();
    expect(deps.onStorageError).toHaveBeenCalledExactlyOnceWith(expect.stringContaining('database was closed'));
  });

  it('never rejects, even when recording the error fails too', async () => {
    vi.spyOn(db.readings, 'add').mockImplementation(() => Dexie.Promise.reject(quota()) as never);
    deps.onStorageError.mockRejectedValue(new Error('storage.local is gone as well'));
    deps.onStorageOk.mockImplementation(() => {
      throw new Error('unused');
    });
    await expect(handleContentMessage(message, MOVISTAR_TAB, deps)).resolves.toEqual({ ok: false, error: 'storage failed' });
    expect(deps.log).toHaveBeenCalledWith('Could not record the storage error', expect.any(Error));
  });

  it('clears nothing and stores nothing twice when the clear-error callback throws', async () => {
    deps.onStorageOk.mockImplementation(() => {
      throw new Error('storage.local refused');
    });
    expect(await handleContentMessage(message, MOVISTAR_TAB, deps)).toEqual({ ok: true, stored: 1, confirmed: 0 });
    expect(await db.readings.count()).toBe(1);
  });
});

describe('describeStorageError', () => {
  it.each([
    [quota(), 'full'],
    [wrappedQuota(), 'full'],
    [new Dexie.DatabaseClosedError('closed'), 'closed'],
    [new Error('something else'), 'storage failed'],
    [undefined, 'storage failed'],
  ])('names %s', (error, words) => {
    expect(describeStorageError(error)).toContain(words);
  });
});
