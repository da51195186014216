/**
 * The page as a person sees it is a composed tree: a custom element shows its open shadow root
 * (Angular, Vue and Salesforce LWR components nest them two and three deep), a <slot> shows the
 * light children assigned to it, and a same-origin <iframe> shows a second document. These are
 * the steps the text model takes between those trees; cross-origin frames (contentDocument null
 * or throwing) are skipped silently.
 */

/** A frame's document when the page's origin may read it, else null. */
export function frameDocument(el: Element): Document | null {
  try {
    const doc = (el as HTMLIFrameElement).contentDocument;
    return doc && doc.documentElement ? doc : null;
  } catch {
    return null;
  }
}

/**
 * What a <slot> shows: the host's light children assigned to it (by `slot="name"`, or every
 * unnamed child for the default slot), or its own fallback children when none is.
 */
export function slotted(slot: Element, host: Element | null): readonly Node[] {
  const nodes = host?.shadowRoot ? (slot as HTMLSlotElement).assignedNodes() : [];
  return nodes.length > 0 ? nodes : Array.from(slot.childNodes);
}

/**
 * Every open shadow root and readable frame document under `doc` (recursively), hidden ones too:
 * what a MutationObserver must watch besides the document so late-rendered component and frame
 * content is read (lib/reader/page-watcher.ts observes each).
 */
export function observableRoots(doc: Document | ShadowRoot): Array<ShadowRoot | Document> {
  const out: Array<ShadowRoot | Document> = [];
  const queue: Array<Document | ShadowRoot> = [doc];
  for (let i = 0; i < queue.length && i < 10_000; i++) {
    for (const el of Array.from(queue[i]!.querySelectorAll('*'))) {
      const shadow = el.shadowRoot;
      if (shadow) {
        out.push(shadow);
        queue.push(shadow);
      }
      if (el.localName === 'iframe' || el.localName === 'frame') {
        const frame = frameDocument(el);
        if (frame && !queue.includes(frame)) {
          out.push(frame);
          queue.push(frame);
        }
      }
    }
  }
  return out;
}
