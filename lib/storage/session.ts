import { browser } from 'wxt/browser';

type Area = typeof browser.storage.local;

/**
 * `storage.session` (memory only, gone when the browser closes) where the browser has it
 * (Chrome 102+, Firefox 115+), else `storage.local`.
 */
export function sessionArea(): Area {
  return (browser.storage as unknown as { session?: Area }).session ?? browser.storage.local;
}
