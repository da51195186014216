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
 * Declarative shadow roots the parser did not attach: `<template shadowrootmode="open">` stays a
 * template under DOMParser and in happy-dom (a browser loading the page attaches it as a real
 * shadow root, which `shadowRoot` then finds). Host → the template's content.
 */
export function declarativeRoots(root: ParentNode): Map<Element, DocumentFragment> {
  const found = new Map<Element, DocumentFragment>();
  // A browser keeps a live list of templates: far cheaper than an attribute selector over the page.
  const templates = 'getElementsByTagName' in root ? (root as Document).getElementsByTagName('template') : root.querySelectorAll('template');
  for (const template of Array.from(templates)) {
    if ((template.getAttribute('shadowrootmode') ?? '').toLowerCase() !== 'open') continue;
    const host = template.parentElement;
    if (host && !host.shadowRoot && !found.has(host)) found.set(host, (template as HTMLTemplateElement).content);
  }
  return found;
}

/**
 * What a <slot> shows: the host's light children assigned to it (by `slot="name"`, or every
 * unnamed child for the default slot), or its own fallback children when none is.
 */
export function slotted(slot: Element, host: Element | null): readonly Node[] {
  const assign = (slot as HTMLSlotElement).assignedNodes;
  if (host?.shadowRoot && typeof assign === 'function') {
    const nodes = assign.call(slot);
    if (nodes.length > 0) return nodes;
    return Array.from(slot.childNodes);
  }
  if (!host) return Array.from(slot.childNodes);
  const name = slot.getAttribute('name') ?? '';
  const nodes: Node[] = [];
  for (let c = host.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      const el = c as Element;
      if (el.localName === 'template' && el.hasAttribute('shadowrootmode')) continue;
      if ((el.getAttribute('slot') ?? '') === name) nodes.push(c);
    } else if (c.nodeType === 3 && name === '') nodes.push(c);
  }
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
