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

/**
 * One MutationObserver over everything that is part of the page: the document, its open shadow
 * roots and its same-origin frames, including those that appear later (a component rendered
 * late, a frame that loads or navigates). Calls `onChange` only for changes that may change the
 * figures (mutation-filter.ts); the watcher decides when to read.
 */
export class DomWatch {
  private observer: MutationObserver | null = null;
  private observed = new WeakSet<Node>();
  private documents: Document[] = [];

  constructor(
    private readonly doc: Document,
    private readonly onChange: () => void,
    private readonly roots: (doc: Document) => ObservableRoot[] = observableRoots,
  ) {}

  start(): void {
    this.stop();
    this.observer = new MutationObserver((records) => this.handle(records));
    this.refresh();
  }

  /** Observes roots that appeared without a change we saw (a custom element upgraded later). */
  refresh(): void {
    if (this.observer) for (const root of this.roots(this.doc)) this.observe(root);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.observed = new WeakSet();
    for (const doc of this.documents) doc.removeEventListener('load', this.onFrameLoad, true);
    this.documents = [];
  }

  private observe(root: ObservableRoot): void {
    if (!this.observer || this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OPTIONS);
    if (root.nodeType === 9) {
      // `load` does not bubble, but a capturing listener on the document sees its frames load.
      root.addEventListener('load', this.onFrameLoad, true);
      this.documents.push(root as Document);
    }
  }

  private readonly onFrameLoad = (event: Event): void => {
    const target = event.target as Node | null;
    const frameDoc = target?.nodeType === 1 ? sameOriginDocument(target as Element) : null;
    if (!frameDoc || !this.observer) return;
    this.observe(frameDoc);
    for (const root of rootsWithin(frameDoc)) this.observe(root);
    this.onChange();
  };

  private handle(records: MutationRecord[]): void {
    if (!this.observer) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) for (const root of rootsWithin(node as Element)) this.observe(root);
      }
    }
    if (mayChangeFigures(records)) this.onChange();
  }
}
