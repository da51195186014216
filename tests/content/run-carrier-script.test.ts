import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import movistarEs from '@/lib/carriers/movistar-es';
import { runCarrierScript } from '@/lib/content/run-carrier-script';
import { STEADY_MS } from '@/lib/reader/page-watcher';

/**
 * Issue 16 #12: a page that knows the extension id (a published extension's id is public) can
 * dispatch WXT's "content script started" event, which invalidates the content script's context.
 * With WXT's context in charge that silenced the reader while the popup still said "read 1 line".
 */
const FIGURES = '<div class="card"><h2>Consumo de datos</h2><p>600 00 00 12</p><p>Llevas 3,5 GB de 20 GB</p></div>';
let sendMessage: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.useFakeTimers();
  fakeBrowser.reset();
  document.body.innerHTML = '<main id="app"></main>';
  sendMessage = vi.fn(async () => ({ ok: true, stored: 1, confirmed: 0 }));
  browser.runtime.sendMessage = sendMessage as unknown as typeof browser.runtime.sendMessage;
});
afterEach(() => {
  vi.useRealTimers();
});

/** What the page does: WXT's event name is `<extension id>:<entrypoint>:wxt:content-script-started`. */
function forgeStartedEvent(): void {
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'movistar-es', messageId: 'forged-by-the-page' } }));
}

describe('the carrier content script under a forged start-up event', () => {
  it('keeps reading after the page replays WXT’s start-up event', async () => {
    const ctx = new ContentScriptContext('movistar-es', { noScriptStartedPostMessage: true });
    runCarrierScript(movistarEs, ctx);
    forgeStartedEvent();
    expect(ctx.isValid).toBe(false); // WXT's context believes a newer script took over
    await vi.advanceTimersByTimeAsync(1_000);
    document.getElementById('app')!.innerHTML = FIGURES;
    await vi.advanceTimersByTimeAsync(STEADY_MS + 2_000);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage.mock.calls[0]![0]).toMatchObject({ type: 'page-readings', carrierId: 'movistar-es', readings: [{ usedBytes: 3.5 * 1024 ** 3 }] });
  });

  it('stops when the extension itself is gone (updated or removed), and sends nothing more', async () => {
    const ctx = new ContentScriptContext('movistar-es', { noScriptStartedPostMessage: true });
    runCarrierScript(movistarEs, ctx);
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    ctx.notifyInvalidated();
    document.getElementById('app')!.innerHTML = FIGURES;
    await vi.advanceTimersByTimeAsync(STEADY_MS + 2_000);
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
