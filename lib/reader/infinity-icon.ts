/**
 * Whether an element holds an icon whose class, file or symbol name says infinity: Orange Spain's
 * ring writes "5,82GB" over "de" and an ∞ drawn as an icon (`BlockRules.iconUnlimited`). Its own
 * module, so only the scripts of carriers that draw one carry it.
 */
const ICON_NAME = /infinit|unlimit|ilimit|illimit/i;

export function hasInfinityIcon(el: Element): boolean {
  return Array.from(el.querySelectorAll('i, svg, img, use, [class*="icon"]')).some((icon) =>
    ['class', 'src', 'href', 'xlink:href', 'data-icon', 'name'].some((attr) => ICON_NAME.test(icon.getAttribute(attr) ?? '')),
  );
}
