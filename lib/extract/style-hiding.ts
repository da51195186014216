/**
 * Which elements of a tree the page's own style rules could hide, so the walk asks the browser's
 * computed style (`checkVisibility`, a quarter of a parse when asked of every text holder) only
 * of those elements and of what they contain.
 *
 * The answer is a superset, never a guess: every rule that sets display, visibility or
 * content-visibility to something that can hide (or to a value only known when applied: `var()`,
 * `revert`) makes the elements its selector matches candidates, whatever its @media, @supports or
 * @layer; the browser's computed style still decides for each. Elements a rule matches only
 * through a pseudo-element (`::before`, `::part()`, `::slotted()`) make the originating element a
 * candidate. What cannot be read or matched — a cross-origin sheet (its rules are not readable),
 * nested CSS, `@scope`, a hiding @keyframes — makes the whole tree unknown (null), and the walk
 * then asks computed style of every text element in it.
 *
 * What the browser's own style sheet hides (closed dialogs and details, popovers, SVG's
 * `display="none"`) the walk knows by tag and attribute (walk.ts); `[hidden]` and inline styles
 * are read from the element itself (visibility.ts).
 */

/** A value of display, visibility, content-visibility or all that can hide, or is known only when applied. */
const HIDES = /none|hidden|collapse|var\(|env\(|attr\(|revert/i;
/**
 * A pseudo-element (either colon form, with its argument), and what stands before it: the query
 * matches the element it hangs on instead (`x-card::part(v)` → `x-card`, `> ::slotted(b)` → `> *`).
 */
const PSEUDO_ELEMENT = /([\s>+~,(]|^)?(?:::[a-z-]+(?:\([^)]*\))?|:(?:before|after|first-line|first-letter)\b)/gi;
/** `:host` rules reach the host from inside; `&` and `:scope` mean an element the selector does not name. */
const HOST = /:host/i;
const CONTEXTUAL = /&|:scope/i;

export interface StyleHiding {
  /** Elements of the tree some rule could hide (what they contain with them, by inheritance). */
  readonly candidates: ReadonlySet<Element>;
  /** A `:host` rule of this shadow tree could hide its host: all of its content is suspect. */
  readonly hostMayHide: boolean;
}

/** A tree no rule hides anything in (also a frame's document, as seen from the page around it). */
export const NOTHING_HIDES: StyleHiding = { candidates: new Set(), hostMayHide: false };
const HOST_ONLY: StyleHiding = { candidates: new Set(), hostMayHide: true };

/** What a sheet's rules hide: their selectors (null: unknown), and whether a `:host` rule does. */
interface Hides {
  selectors: string[] | null;
  host: boolean;
}

/**
 * Per sheet, with the rule list it was read from (its length, first and last rule), since reading
 * thousands of rules at every parse would cost more than it saves. A rule inserted or deleted
 * changes the count; a sheet replaced (`replaceSync`, a <style> whose text changed) changes the
 * first or last rule object, or is a new sheet: each is read again.
 */
const sheets = new WeakMap<CSSStyleSheet, [number, CSSRule | undefined, CSSRule | undefined, Hides]>();

type RuleLike = CSSRule & { selectorText?: string; style?: CSSStyleDeclaration; cssRules?: CSSRuleList; styleSheet?: CSSStyleSheet | null };

/**
 * Adds the hiding selectors of `rules` to `out`; false when one cannot be matched: inside a
 * nested or `@scope` rule (its selector is relative to another), or a hiding @keyframes.
 */
function collect(rules: CSSRuleList, out: { selectors: string[]; host: boolean }, nested: boolean): boolean {
  for (const rule of Array.from(rules) as RuleLike[]) {
    const { selectorText: selector, style } = rule;
    if (selector !== undefined && style) {
      if (rule.cssRules && !collect(rule.cssRules, out, true)) return false;
      const value = `${style.getPropertyValue('display')} ${style.getPropertyValue('visibility')} ${style.getPropertyValue('content-visibility')} ${style.getPropertyValue('all')}`;
      if (!HIDES.test(value)) continue;
      if (nested || CONTEXTUAL.test(selector)) return false;
      if (HOST.test(selector)) out.host = true;
      else out.selectors.push(selector.replace(PSEUDO_ELEMENT, (_, before?: string) => (before === undefined ? '' : `${before}*`)));
    } else if (rule.styleSheet !== undefined) {
      // @import: a sheet that failed to load has none; one from another origin throws.
      if (rule.styleSheet && !collect(rule.styleSheet.cssRules, out, nested)) return false;
    } else if (rule.type === 7) {
      // @keyframes can animate display and visibility.
      if (/display|visibility/i.test(rule.cssText)) return false;
    } else if (rule.cssRules && !collect(rule.cssRules, out, nested || /^@scope/i.test(rule.cssText))) return false;
    // @media, @supports, @layer, @container…: whatever the condition, a superset.
  }
  return true;
}

function hidesOf(sheet: CSSStyleSheet): Hides {
  try {
    const rules = sheet.cssRules;
    const count = rules.length;
    const known = sheets.get(sheet);
    if (known && known[0] === count && known[1] === rules[0] && known[2] === rules[count - 1]) return known[3];
    const out = { selectors: [] as string[], host: false };
    const hides = collect(rules, out, false) ? out : { selectors: null, host: false };
    sheets.set(sheet, [count, rules[0], rules[count - 1], hides]);
    return hides;
  } catch {
    // A sheet from another origin: its rules cannot be read.
    return { selectors: null, host: false };
  }
}

/**
 * The candidates of a document or shadow root, or null when some rule cannot be read or matched
 * (or the tree has no sheet list: happy-dom's shadow roots).
 */
export function styleHiding(root: Document | ShadowRoot | DocumentFragment): StyleHiding | null {
  const list = (root as Document).styleSheets as StyleSheetList | undefined;
  if (!list) return null;
  // Most trees of a component page hide nothing: no list, no set, no query for them.
  let selectors: string[] | undefined;
  let hostMayHide = false;
  const sheets: CSSStyleSheet[] = Array.from(list as ArrayLike<CSSStyleSheet>);
  try {
    sheets.push(...((root as Document).adoptedStyleSheets ?? []));
  } catch {
    return null;
  }
  for (const sheet of sheets) {
    const hides = hidesOf(sheet);
    if (!hides.selectors) return null;
    if (hides.selectors.length > 0) (selectors ??= []).push(...hides.selectors);
    hostMayHide ||= hides.host;
  }
  if (!selectors) return hostMayHide ? HOST_ONLY : NOTHING_HIDES;
  const candidates = new Set<Element>();
  try {
    for (const el of Array.from(root.querySelectorAll(selectors.join(',')))) candidates.add(el);
  } catch {
    // A selector the rules take and a query does not: unknown.
    return null;
  }
  return { candidates, hostMayHide };
}
