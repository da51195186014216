import { browser } from 'wxt/browser';
import type { StorageAreaLike } from '../background/storage-area';

/**
 * `storage.session` (memory only, gone when the browser closes) where the browser has it
 * (Chrome 102+, Firefox 115+), else `storage.local`.
 */
export function sessionArea(): StorageAreaLike {
  return (browser.storage as unknown as { session?: StorageAreaLike }).session ?? browser.storage.local;
}
