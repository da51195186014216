/**
 * Whether a person sees an element: the `hidden` attribute, inline styles, off-screen
 * `aria-hidden` copies, and the COMPUTED style (`.tab-pane { display: none }` hid last month's
 * figures in an inactive tab).
 *
 * Computing style costs (happy-dom, our test DOM, takes ~0.4 ms an element; a browser's
 * `checkVisibility()`, style only, no layout, was a quarter of a parse when asked of every text
 * holder), so the walk asks it only of elements some rule could hide (style-hiding.ts).
 * getComputedStyle is the fallback where checkVisibility is missing.
 */

const INLINE_HIDDEN = /display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|content-visibility\s*:\s*hidden/i;
// Moved out of view: "left:-9999px", "top:-10000px", "text-indent:-9999px", a clip to nothing.
// Moved out of view by style, or marked as a copy by class ("carousel__clone", "sr-only").
const OFF_SCREEN = /(?:left|top|right|indent)\s*:\s*-\d{4}|clip\s*:\s*rect\(\s*0|inset\(\s*50%|translate[XY3d]*\(\s*-\d{4}|sr-only|visually-hidden|off-?screen|clone|duplicate/i;

/** What checkVisibility asks besides display: visibility and content-visibility (no layout). */
const STYLE_ONLY = { visibilityProperty: true, checkVisibilityCSS: true };

type Styled = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

/**
 * Hidden by what the element itself says. `hasAttributes` is the caller's (it already asked).
 * An `aria-hidden` element is hidden only when its style moves it off-screen or its class marks
 * it as a copy: decorative aria-hidden icons and rings are still seen.
 */
export function hiddenByAttributes(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style !== null && INLINE_HIDDEN.test(style)) return true;
  return el.getAttribute('aria-hidden') === 'true' && OFF_SCREEN.test(`${style} ${el.getAttribute('class')}`);
}

/** Hidden by the computed style (display, visibility, content-visibility), per the browser. */
export function hiddenByStyle(el: Element): boolean {
  // A document without a window (DOMParser in a browser, a clone) is never rendered: no style to ask.
  // Nor is an element outside the document (a declarative shadow root left as a template).
  if (!el.ownerDocument.defaultView || !el.isConnected) return false;
  const styled = el as Styled;
  if (typeof styled.checkVisibility === 'function') {
    if (styled.checkVisibility(STYLE_ONLY)) return false;
    // `display: contents` has no box of its own, so checkVisibility says false; its children show.
    return !displayContents(el);
  }
  const view = el.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
}

function displayContents(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  return !!view && typeof view.getComputedStyle === 'function' && view.getComputedStyle(el).display === 'contents';
}
