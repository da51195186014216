/**
 * Where a page's figures can live besides its document: open shadow roots (custom elements of
 * Angular, Vue or Salesforce LWR portals, nested) and same-origin frames (a second document on the
 * carrier host, or `srcdoc`). The watcher observes each of these, because a MutationObserver on
 * the document sees nothing that happens inside them.
 *
 * Seam: the page-text model (lib/extract/text.ts) is learning to walk the same roots and will
 * export its own enumeration; when it does, `observableRoots` here should become that one
 * (one home for "what is part of the page"). Until then this is the minimal walk the watcher needs.
 */
export type ObservableRoot = Document | ShadowRoot;

/** Bound on roots: a page with thousands of components is observed through its first ones. */
const MAX_ROOTS = 2_000;

export function observableRoots(doc: Document): ObservableRoot[] {
  return [doc, ...rootsWithin(doc, MAX_ROOTS - 1)];
}

/** Every open shadow root and same-origin frame document under `scope`, nested ones included. */
export function rootsWithin(scope: ParentNode, max = MAX_ROOTS): ObservableRoot[] {
  const found = innerRoots(scope);
  for (let i = 0; i < found.length && found.length < max; i++) found.push(...innerRoots(found[i]!));
  return found.slice(0, max);
}

/** Open shadow roots and same-origin frame documents directly inside `scope` (not nested ones). */
export function innerRoots(scope: ParentNode): ObservableRoot[] {
  const found: ObservableRoot[] = [];
  // Frames through a selector (native, cheap); shadow hosts have none, so every element is asked,
  // which on a 300,000-node page costs a few hundred ms: the watcher does it when a window opens
  // and for added subtrees only, never on every read.
  for (const frame of scope.querySelectorAll('iframe,frame')) {
    const frameDoc = sameOriginDocument(frame);
    if (frameDoc) found.push(frameDoc);
  }
  if ((scope as Node).nodeType === 1 && (scope as Element).shadowRoot) found.push((scope as Element).shadowRoot!);
  for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) found.push(el.shadowRoot);
  return found;
}

/** The document of an iframe/frame whose content we may read; null for cross-origin frames. */
export function sameOriginDocument(el: Element): Document | null {
  if (el.localName !== 'iframe' && el.localName !== 'frame') return null;
  try {
    return (el as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}
