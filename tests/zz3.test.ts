import { it } from 'vitest';
import { pageText } from '@/lib/extract/text';
import { loadFixtures, parseFixture } from './helpers/fixtures';
it('x', () => {
  const f = loadFixtures().find((x) => x.name === '2026-11-20-en-table')!;
  const doc = parseFixture(f);
  const muts = [{ kind: 'remove', pick: 1509441944 }, { kind: 'rename', pick: 1167262730, tag: 'div' }, { kind: 'noise', pick: 72024527, text: 'HK$0' }, { kind: 'reverse', pick: 0 }] as const;
  for (const m of muts) {
    const els = [...doc.body.querySelectorAll('*')];
    const el = els[m.pick % els.length]!;
    console.log(m.kind, el.outerHTML.slice(0, 120));
    if (m.kind === 'remove') el.remove();
    if (m.kind === 'rename') { const r = doc.createElement(m.tag); for (const a of [...el.attributes]) r.setAttribute(a.name, a.value); r.append(...el.childNodes); el.replaceWith(r); }
    if (m.kind === 'noise') el.append(doc.createTextNode(` ${m.text} `));
    if (m.kind === 'reverse') el.append(...[...el.childNodes].reverse());
  }
  console.log(JSON.stringify(pageText(doc).text));
});
