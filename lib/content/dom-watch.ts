import { FIGURE_ATTRIBUTES, mayChangeFigures } from './mutation-filter';
import { observableRoots, rootsWithin, sameOriginDocument, type ObservableRoot } from './roots';

const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  characterDataOldValue: true,
  attributes: true,
  attributeFilter: FIGURE_ATTRIBUTES,
  attributeOldValue: true,
};

export interface DomWatch {
  stop(): void;
}

/**
 * One MutationObserver over everything that is part of the page: the document, its open shadow
 * roots and its same-origin frames, including those that appear later (a component rendered
 * late, a frame that loads or navigates). Calls `onChange` only for changes that may change the
 * figures (mutation-filter.ts); the watcher decides when to read. All roots are enumerated when
 * the watch starts (each window); later ones are found in added subtrees and loaded frames. A
 * shadow root attached without any change we see (an element upgraded long after insertion) is
 * not observed until the next window, but the reader still reads it whenever it reads.
 */
export function watchDom(doc: Document, onChange: () => void, roots: (doc: Document) => ObservableRoot[] = observableRoots): DomWatch {
  let observed = new WeakSet<Node>();
  const documents: Document[] = [];
  const observe = (root: ObservableRoot) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, OPTIONS);
    if (root.nodeType === 9) {
      // `load` does not bubble, but a capturing listener on the document sees its frames load.
      root.addEventListener('load', onFrameLoad, true);
      documents.push(root as Document);
    }
  };
  const onFrameLoad = (event: Event) => {
    const target = event.target as Node | null;
    const frameDoc = target?.nodeType === 1 ? sameOriginDocument(target as Element) : null;
    if (!frameDoc) return;
    [frameDoc, ...rootsWithin(frameDoc)].forEach(observe);
    onChange();
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) rootsWithin(node as Element).forEach(observe);
    }
    if (mayChangeFigures(records)) onChange();
  });
  roots(doc).forEach(observe);
  return {
    stop() {
      observer.disconnect();
      observed = new WeakSet();
      for (const d of documents.splice(0)) d.removeEventListener('load', onFrameLoad, true);
    },
  };
}
