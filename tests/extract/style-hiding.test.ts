import { beforeEach, describe, expect, it } from 'vitest';
import { styleHiding } from '@/lib/extract/style-hiding';
import { pageText } from '@/lib/extract/text';

/**
 * Which elements the page's own rules could hide: a superset of what they do hide (computed style
 * still decides for each), or null where the rules cannot all be read or matched.
 */
function page(css: string, body: string): Document {
  document.head.replaceChildren();
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  document.body.innerHTML = body;
  return document;
}

const ids = (set: ReadonlySet<Element> | undefined) => [...(set ?? [])].map((el) => el.id).sort();

/** A tree-like root over rules built by hand: what a browser gives that happy-dom's parser drops. */
function rootWith(rules: unknown[]) {
  const sheet = { cssRules: rules } as unknown as CSSStyleSheet;
  return { styleSheets: [sheet], adoptedStyleSheets: [], querySelectorAll: (s: string) => document.querySelectorAll(s), querySelector: () => null } as unknown as Document;
}
const rule = (selectorText: string, props: Record<string, string>, cssRules?: unknown[]) => ({
  selectorText,
  style: { getPropertyValue: (name: string) => props[name] ?? '' },
  cssRules,
  cssText: `${selectorText} {}`,
});

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('styleHiding', () => {
  it('makes what a hiding rule matches a candidate, and nothing else', () => {
    const doc = page('.tab-pane{display:none}.tab-pane.active{display:block}.x{color:red}', '<div id="a" class="tab-pane active"></div><div id="b" class="tab-pane"></div><p id="c" class="x"></p>');
    expect(ids(styleHiding(doc)?.candidates)).toEqual(['a', 'b']);
  });

  it('counts every way a rule can hide: visibility, content-visibility, var(), revert, inside @media', () => {
    const doc = page(
      '.v{visibility:hidden}.c{visibility:collapse}.cv{content-visibility:hidden}.var{display:var(--d)}.rv{display:revert}@media (min-width:1px){.m{display:none}}.shown{display:flex;visibility:visible}',
      ['v', 'c', 'cv', 'var', 'rv', 'm', 'shown'].map((id) => `<i id="${id}" class="${id}"></i>`).join(''),
    );
    expect(ids(styleHiding(doc)?.candidates)).toEqual(['c', 'cv', 'm', 'rv', 'v', 'var']);
  });

  it('matches a rule on a tag or a place alone: elements with no attributes are candidates too', () => {
    const doc = page('section > b{display:none}', '<section><b></b><i></i></section>');
    const candidates = [...(styleHiding(doc)?.candidates ?? [])].map((el) => el.localName);
    expect(candidates).toEqual(['b']);
  });

  it('takes the element a pseudo-element hangs on', () => {
    const doc = page('.badge::after{display:none}', '<span id="s" class="badge"></span><span id="t"></span><x-card id="x"></x-card><p class="old"><i id="i"></i></p>');
    expect(ids(styleHiding(doc)?.candidates)).toEqual(['s']);
    // A part of a component's shadow tree: its host, whose content is then asked too.
    expect(ids(styleHiding(rootWith([rule('x-card::part(value), .old :is(i, b)::before', { visibility: 'hidden' })]))?.candidates)).toEqual(['i', 'x']);
  });

  it('gives no candidates and asks no query when no rule hides', () => {
    const doc = page('p{color:red}', '<p id="p"></p>');
    expect(styleHiding(doc)).toEqual({ candidates: new Set(), hostMayHide: false });
  });

  it('is unknown for a sheet it cannot read (another origin)', () => {
    const unreadable = { get cssRules(): CSSRuleList { throw new DOMException('cross-origin', 'SecurityError'); } } as unknown as CSSStyleSheet;
    const root = { styleSheets: [unreadable], querySelectorAll: () => [] } as unknown as Document;
    expect(styleHiding(root)).toBeNull();
  });

  it('is unknown for rules it cannot match: nested CSS, a hiding @keyframes, @scope, `&`', () => {
    expect(styleHiding(rootWith([rule('.card', { color: 'red' }, [rule('& .old', { display: 'none' })])]))).toBeNull();
    expect(styleHiding(rootWith([{ type: 7, cssText: '@keyframes fade { to { visibility: hidden } }', cssRules: [] }]))).toBeNull();
    expect(styleHiding(rootWith([{ cssText: '@scope (.card) { .old { display: none } }', cssRules: [rule('.old', { display: 'none' })] }]))).toBeNull();
    // Nested rules that hide nothing, and keyframes that move things, are harmless.
    expect(styleHiding(rootWith([rule('.card', { color: 'red' }, [rule('& .x', { color: 'blue' })]), { type: 7, cssText: '@keyframes s { to { opacity: 0 } }', cssRules: [] }]))).not.toBeNull();
  });

  it('says when a shadow tree’s `:host` rule could hide its host', () => {
    document.body.innerHTML = '<p id="p"></p>';
    expect(styleHiding(rootWith([rule(':host(.closed)', { display: 'none' })]))?.hostMayHide).toBe(true);
    expect(styleHiding(rootWith([rule(':host', { display: 'block' })]))?.hostMayHide).toBe(false);
  });

  it('reads a sheet again when its rules change, and not otherwise', () => {
    const doc = page('.a{display:none}', '<i id="a" class="a"></i><i id="b" class="b"></i>');
    expect(ids(styleHiding(doc)?.candidates)).toEqual(['a']);
    const sheet = doc.styleSheets[0] as CSSStyleSheet;
    sheet.insertRule('.b{display:none}', 1);
    expect(ids(styleHiding(doc)?.candidates)).toEqual(['a', 'b']);
    sheet.deleteRule(0);
    expect(ids(styleHiding(doc)?.candidates)).toEqual(['b']);
  });

  it('reads a constructed sheet again when it is replaced by as many other rules', () => {
    const doc = page('', '<i id="a" class="a"></i><i id="b" class="b"></i>');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.a{display:none}');
    doc.adoptedStyleSheets = [sheet];
    expect(ids(styleHiding(doc)?.candidates)).toEqual(['a']);
    sheet.replaceSync('.b{display:none}');
    expect(ids(styleHiding(doc)?.candidates)).toEqual(['b']);
    doc.adoptedStyleSheets = [];
  });
});

describe('the walk asks computed style only where a rule could hide', () => {
  it('skips a bare element hidden by its tag, after shown text beside it', () => {
    page('.card h4{display:none}', '<div class="card"><p>Llevas 3 GB</p><h4>de 19 GB</h4><p>de 20 GB</p></div>');
    expect(pageText(document).text).toBe('Llevas 3 GB\nde 20 GB');
  });

  it('reads an element a rule shows again (`.active`), and skips the one it leaves hidden', () => {
    page('.pane{display:none}.pane.active{display:block}', '<div class="pane active"><b>3 GB</b></div><div class="pane"><b>19 GB</b></div>');
    expect(pageText(document).text).toBe('3 GB');
  });
});
