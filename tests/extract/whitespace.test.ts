import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageText, visibleText } from '@/lib/extract/text';
import { isSpace } from '@/lib/extract/walk';

/**
 * The text model collapses every run of whitespace a regex's `\s` knows (no-break, thin and
 * ideographic spaces, line separators, BOM) and the zero-width space into one space, and trims:
 * the character-code scan in sliceTexts must agree with that rule on any text.
 */
const ALPHABET = ['a', 'Z', '9', ',', '已', 'é', ' ', '\t', '\n', '\r', '\u00A0', '\u1680', '\u2003', '\u2009', '\u200A', '\u200B', '\u2028', '\u202F', '\u205F', '\u3000', '\uFEFF', '\u0085', '\u200C'];
const collapse = (s: string) => s.replace(/[\s\u200B]+/g, ' ').trim();

describe('whitespace in the text model', () => {
  it('collapses exactly what \\s and the zero-width space match, in one text node or many', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 12 }).map((cs) => cs.join('')), { minLength: 1, maxLength: 4 }), (texts) => {
        document.body.replaceChildren();
        const div = document.createElement('div');
        const span = document.createElement('span');
        for (const text of texts) span.append(document.createTextNode(text));
        div.append(span);
        document.body.append(div);
        const expected = collapse(texts.join(''));
        expect(visibleText(div)).toBe(expected);
        expect(pageText(document).of(span)).toBe(expected);
      }),
    );
  });

  it('knows the same whitespace by character code as by regex, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /[\s\u200B]/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
