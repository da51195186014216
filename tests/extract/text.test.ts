import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findElementsByText, pageText, visibleText } from '../../lib/extract/text';

function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('visibleText', () => {
  const cases: Array<[string, string]> = [
    ['<span>已用：</span><span>0.00</span><span>/</span><span>60.00GB</span>', '已用：0.00/60.00GB'],
    ['<div>Consumo de datos</div><div><span>3,5</span> <span>GB</span></div><div>de 20 GB</div>', 'Consumo de datos\n3,5 GB\nde 20 GB'],
    ['<p>a</p><p>b</p>', 'a\nb'],
    ['a<br>b', 'a\nb'],
    ['  lots   of \n  space  ', 'lots of space'],
    ['1\u00A0024,5\u00A0Go', '1 024,5 Go'],
    ['<script>var x = "3 GB"</script><style>.a{}</style><noscript>no</noscript><template><b>t</b></template>ok', 'ok'],
    ['<div hidden>secret</div><span style="display: none">gone</span>shown', 'shown'],
    ['<svg><g class="axis"><text>12 GB</text></g></svg>chart', 'chart'],
    ['<svg><text>0</text><text>5 GB</text><text>10 GB</text><text>15 GB</text><text>20 GB</text></svg>chart', 'chart'],
    ['<svg viewBox="0 0 36 36"><circle r="16"/><text>13,07GB</text><text><tspan>de </tspan><tspan>25GB</tspan></text></svg>', '13,07GB\nde 25GB'],
    ['<div role="progressbar" aria-valuenow="3.5" aria-valuemax="20" aria-label="Datos (GB)"></div>', 'Datos 3.5 GB / 20 GB'],
    ['<div role="progressbar" aria-valuenow="88" aria-valuemax="100"></div><p>sur 100 Go</p>', 'sur 100 Go'],
    ['<progress value="1.024" max="5" aria-label="Datos GB">fallback</progress>', 'Datos 1.0240 GB / 5 GB'],
    ['<meter value="2" max="10" aria-valuetext="2 GB de 10 GB"></meter>', '2 GB de 10 GB'],
    ['<span aria-label="Te quedan 7 GB de 10 GB">70 %</span>', 'Te quedan 7 GB de 10 GB\n70 %'],
    ['<span>5,82GB</span><div>de <i class="icon-infinite" aria-label="ilimitado"></i></div>', '5,82GB\nde ilimitado'],
    ['de<span role="img" aria-label="∞"></span>', 'de ∞'],
    ['de<img alt="Ilimitado" src="x.png">', 'de Ilimitado'],
    ['de<svg aria-label="unlimited"><path d="M0 0"/></svg>', 'de unlimited'],
    ['de<svg><title>Illimité</title><path/></svg>', 'de Illimité'],
    ['<i>italic</i> text', 'italic text'],
    ['<span title="hover"></span>x', 'hover x'],
    ['<table><tr><td>Datos</td><td>20 GB</td></tr><tr><td>Voz</td><td>∞</td></tr></table>', 'Datos 20 GB\nVoz ∞'],
    ['<select><option>6XX XXX 001</option><option selected>6XX XXX 012</option></select>', '6XX XXX 012'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    ['', ''],
  ];
  it.each(cases)('%j', (html, expected) => expect(visibleText(dom(html))).toBe(expected));

  it('reads a Document from its body', () => {
    const doc = document.implementation.createHTMLDocument('Título');
    doc.body.innerHTML = '<h1>Hola</h1><p>3,5 GB</p>';
    expect(visibleText(doc)).toBe('Hola\n3,5 GB');
  });

  it('returns nothing for a hidden or skipped root', () => {
    expect(visibleText(dom('<div hidden>x</div>').firstElementChild!)).toBe('');
    expect(visibleText(dom('<script>x</script>').firstElementChild!)).toBe('');
  });

  // Speed is measured in Chromium by the content_parse_ms benchmark, not asserted here.
  it('reads a 3,000-element page line by line', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `<div class="r"><span>Línea ${i}</span><b>${i},5 GB</b></div>`).join('');
    const text = visibleText(dom(rows));
    expect(text.split('\n')).toHaveLength(1000);
    // Inline elements join without a separator: "Línea 999" + "999,5 GB".
    expect(text.split('\n')[999]).toBe('Línea 999999,5 GB');
  });

  it('never throws on random DOM', () => {
    const tags = ['div', 'span', 'p', 'i', 'img', 'svg', 'script', 'style', 'td', 'br', 'select', 'option', 'b', 'template'];
    const attrs = ['', ' hidden', ' aria-label="∞"', ' title="x"', ' alt="y"', ' role="img"', ' style="display:none"'];
    const node: fc.Memo<string> = fc.memo((n) =>
      n <= 1
        ? fc.oneof(fc.string({ maxLength: 8 }), fc.constant('3,5 GB'))
        : fc
            .tuple(fc.constantFrom(...tags), fc.constantFrom(...attrs), fc.array(node(n - 1), { maxLength: 4 }))
            .map(([t, a, kids]) => `<${t}${a}>${kids.join('')}</${t}>`),
    );
    fc.assert(
      fc.property(node(4), (html) => {
        const root = dom(html);
        const text = visibleText(root);
        expect(typeof text).toBe('string');
        expect(text).not.toMatch(/ \n|\n | {2}|\n\n/);
        const found = findElementsByText(root, /GB/);
        for (const el of found) {
          expect(visibleText(el)).toMatch(/GB/);
          expect(found.some((other) => other !== el && el.contains(other))).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('findElementsByText', () => {
  it('returns the smallest matching elements in document order', () => {
    const root = dom('<div id="a"><div id="b"><span id="c">Llevas</span> 3,5 GB</div></div><p id="d">Llevas otra</p>');
    expect(findElementsByText(root, /llevas/i).map((e) => e.id)).toEqual(['c', 'd']);
  });
  it('finds labels split over inline elements', () => {
    const root = dom('<div id="x"><span>已用</span><span>：</span></div>');
    expect(findElementsByText(root, /已用：/).map((e) => e.id)).toEqual(['x']);
  });
  it('works with anchored and global regexes', () => {
    const root = dom('<div><span id="s">Has consumido</span><span id="t">Has consumido</span></div>');
    expect(findElementsByText(root, /^has consumido$/gi).map((e) => e.id)).toEqual(['s', 't']);
  });
  it('ignores hidden and script text and accepts a Document', () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML = '<div hidden>Llevas</div><script>Llevas</script><b id="v">Llevas</b>';
    expect(findElementsByText(doc, /Llevas/).map((e) => e.id)).toEqual(['v']);
  });
  it('finds icons by their label', () => {
    const root = dom('<div>de <i id="inf" aria-label="ilimitado"></i></div>');
    expect(findElementsByText(root, /ilimitado/).map((e) => e.id)).toEqual(['inf']);
  });
});

describe('pageText', () => {
  const tags = ['div', 'span', 'p', 'i', 'img', 'svg', 'script', 'td', 'br', 'select', 'option', 'b', 'template', 'li', 'canvas', 'object'];
  const attrs = ['', ' hidden', ' aria-label="∞"', ' title="x"', ' alt="y"', ' role="img"', ' style="display:none"'];
  const node: fc.Memo<string> = fc.memo((n) =>
    n <= 1
      ? fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('3,5 GB', ' \u0001 ', '\u00A0', '\u200B'))
      : fc
          .tuple(fc.constantFrom(...tags), fc.constantFrom(...attrs), fc.array(node(n - 1), { maxLength: 4 }))
          .map(([t, a, kids]) => `<${t}${a}>${kids.join('')}</${t}>`),
  );

  it("gives every element's visibleText from one walk", () => {
    fc.assert(
      fc.property(node(5), fc.constantFrom('', ' hidden', ' aria-label="x"'), (html, bodyAttr) => {
        const doc = document.implementation.createHTMLDocument('t');
        doc.body.innerHTML = html;
        if (bodyAttr) doc.body.setAttribute(bodyAttr.trim().split('=')[0]!, 'x');
        const page = pageText(doc);
        expect(page.text).toBe(visibleText(doc));
        for (const el of [doc.documentElement, ...doc.querySelectorAll('*')]) expect(page.of(el)).toBe(visibleText(el));
      }),
      { numRuns: 500 },
    );
  });

  it('lists the pieces of text it read, in order, with the element each is shown in', () => {
    const doc = document.implementation.createHTMLDocument('Título');
    doc.body.innerHTML = '<p>a</p><div hidden>b</div><canvas>c</canvas><script>d</script><span>e<b>f</b></span><select><option>g</option></select>';
    const pieces = pageText(doc).pieces;
    expect(pieces.map((n) => n.value)).toEqual(['a', 'e', 'f', 'g']);
    expect(pieces.map((n) => n.owner.localName)).toEqual(['p', 'span', 'b', 'select']);
    expect(pieces.map((n) => n.alone)).toEqual([true, false, true, false]);
  });
});
