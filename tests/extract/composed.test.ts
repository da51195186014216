import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findElementsByText, observableRoots, pageText, visibleText } from '@/lib/extract/text';
import { findAmounts } from '@/lib/extract/units';

/**
 * The text model across shadow roots, slots and same-origin frames: on any tree, the walks never
 * throw and never yield a figure a person does not see. Hidden figures are written as 900-999 GB,
 * shown ones as 1-899 GB, so a leak is visible in the text.
 */
/** How an element is hidden; `type`: by a rule on its tag alone, the element has no attributes. */
type Hide = 'none' | 'attr' | 'inline' | 'class' | 'offscreen' | 'template' | 'visibility' | 'type';
type Node_ =
  | { kind: 'text' }
  | { kind: 'el'; tag: string; hide: Hide; shadow: 'none' | 'slot' | 'noslot'; frame: boolean; children: Node_[] };

const tree: fc.Memo<Node_> = fc.memo((n) =>
  n <= 1
    ? fc.constant<Node_>({ kind: 'text' })
    : fc.oneof(
        { weight: 1, arbitrary: fc.constant<Node_>({ kind: 'text' }) },
        {
          weight: 3,
          arbitrary: fc.record({
            kind: fc.constant('el' as const),
            // Tags that nest anywhere: a frame's content is serialized and parsed again (<li>, <p> would close).
            tag: fc.constantFrom('div', 'span', 'section', 'x-card', 'x-gauge', 'b'),
            hide: fc.constantFrom<Hide>('none', 'none', 'none', 'attr', 'inline', 'class', 'offscreen', 'template', 'visibility', 'type'),
            shadow: fc.constantFrom('none', 'none', 'slot', 'noslot'),
            frame: fc.boolean(),
            children: fc.array(tree(n - 1), { maxLength: 3 }),
          }),
        },
      ),
);

let counter = 0;
const STYLE = '.h{display:none}.v{visibility:hidden}u{display:none}';

/** `flat`: inside a frame's srcdoc, which is serialized HTML: no shadow roots there. */
function build(doc: Document, spec: Node_, hidden: boolean, flat = false): Node {
  if (spec.kind === 'text') {
    counter = (counter + 1) % 100;
    return doc.createTextNode(` ${hidden ? 900 + counter : 1 + counter * 8} GB `);
  }
  const hides = spec.hide !== 'none';
  const inner = hidden || hides;
  if (spec.hide === 'template') {
    const template = doc.createElement('template');
    for (const child of spec.children) template.content.append(build(doc, child, true, flat));
    return template;
  }
  if (spec.frame && !flat && spec.tag === 'div' && spec.hide !== 'type') {
    const frame = doc.createElement('iframe');
    const holder = doc.createElement('div');
    for (const child of spec.children) holder.append(build(doc, child, inner, true));
    frame.setAttribute('srcdoc', `<style>${STYLE}</style><body>${holder.innerHTML}</body>`);
    if (hides) hideIt(frame, spec.hide);
    return frame;
  }
  const el = doc.createElement(spec.hide === 'type' ? 'u' : spec.tag);
  if (hides) hideIt(el, spec.hide);
  // Browsers let only some elements host a shadow root (attachShadow throws on <b>, <u>); happy-dom lets any.
  if (spec.shadow !== 'none' && !flat && spec.tag !== 'b' && spec.hide !== 'type') {
    const shadow = el.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    shadow.append(style, build(doc, { kind: 'text' }, inner));
    if (spec.shadow === 'slot') shadow.append(doc.createElement('slot'));
    // Light children show only through a slot.
    for (const child of spec.children) el.append(build(doc, child, inner || spec.shadow === 'noslot'));
  } else for (const child of spec.children) el.append(build(doc, child, inner, flat));
  return el;
}

function hideIt(el: Element, hide: Hide): void {
  if (hide === 'attr') el.setAttribute('hidden', '');
  if (hide === 'inline') el.setAttribute('style', 'display: none');
  if (hide === 'class') el.setAttribute('class', 'h');
  if (hide === 'visibility') el.setAttribute('class', 'v');
  if (hide === 'offscreen') {
    el.setAttribute('aria-hidden', 'true');
    el.setAttribute('style', 'position:absolute;left:-9999px');
  }
}

const hiddenFigures = (text: string) => findAmounts(text, 'en', 1024).filter((a) => a.value >= 900).map((a) => a.text);

describe('the text model across shadow roots and frames', () => {
  it('never throws and never yields a hidden figure', () => {
    fc.assert(
      fc.property(fc.array(tree(5), { minLength: 1, maxLength: 4 }), (specs) => {
        document.body.replaceChildren();
        // Connected to the test window, so computed style applies as in a browser tab.
        for (const spec of specs) document.body.append(build(document, spec, false));
        document.head.querySelector('style#t')?.remove();
        const sheet = document.createElement('style');
        sheet.id = 't';
        sheet.textContent = STYLE;
        document.head.append(sheet);
        const page = pageText(document);
        expect(hiddenFigures(page.text)).toEqual([]);
        for (const piece of page.pieces) expect(hiddenFigures(piece.value)).toEqual([]);
        for (const el of findElementsByText(page, /GB/)) expect(hiddenFigures(page.of(el))).toEqual([]);
        expect(hiddenFigures(visibleText(document))).toEqual([]);
        expect(() => observableRoots(document)).not.toThrow();
      }),
      { numRuns: Number(process.env.WALK_RUNS ?? 300) },
    );
  });

  it('reads shown figures inside nested shadow roots and a same-origin frame', () => {
    document.body.replaceChildren();
    const outer = document.createElement('x-app');
    document.body.append(outer);
    const shadow = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('x-gauge');
    shadow.append(inner);
    inner.attachShadow({ mode: 'open' }).innerHTML = '<p>Llevas 3 GB</p><slot></slot>';
    inner.append(document.createTextNode('de 20 GB'));
    const frame = document.createElement('iframe');
    frame.setAttribute('srcdoc', '<p>Roaming 1 GB de 5 GB</p>');
    shadow.append(frame);
    const page = pageText(document);
    expect(page.text).toBe('Llevas 3 GB\nde 20 GB\nRoaming 1 GB de 5 GB');
    expect(observableRoots(document)).toHaveLength(3);
    const [gauge] = page.find(/Llevas/);
    expect(page.contains(outer, gauge!)).toBe(true);
  });
});
