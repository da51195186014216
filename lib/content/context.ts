/**
 * Stands in for WXT's ContentScriptContext in the carrier scripts (wxt.config.ts aliases it for
 * content-script builds). WXT's context stops a script when it sees a "content script started"
 * event on the page's window — an event the page itself can dispatch to silence the reader — and
 * costs about 1 KB of every carrier script. The reader needs neither: it stops only when the
 * extension itself is gone (lib/content/run-carrier-script.ts). This keeps the constructor and
 * `onInvalidated` the WXT entry and our shell call; nothing ever invalidates it from the page.
 */
export class ContentScriptContext {
  private readonly callbacks: Array<() => void> = [];

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  onInvalidated(callback: () => void): () => void {
    this.callbacks.push(callback);
    return () => void this.callbacks.splice(this.callbacks.indexOf(callback) >>> 0, 1);
  }
}
