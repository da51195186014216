/**
 * WCAG contrast, and colours made readable on a background. Pure: the contrast test checks every
 * colour of both themes with it, and the UI lightens (dark theme) or darkens (light theme) a line's
 * own colour just enough to keep 4.5:1 rather than draw it unchanged.
 */
type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` mixed toward white (or black) by the least step that gives `ratio` against `bg`. */
export function readableOn(color: string, bg: string, ratio = 4.5): string {
  if (contrast(color, bg) >= ratio) return color.toLowerCase();
  const toward: Rgb = luminance(parseHex(bg)) < 0.2 ? [255, 255, 255] : [0, 0, 0];
  const from = parseHex(color);
  for (let step = 1; step <= 20; step++) {
    const t = step / 20;
    const mixed = toHex(from.map((c, i) => c + (toward[i]! - c) * t) as Rgb);
    if (contrast(mixed, bg) >= ratio) return mixed;
  }
  return toHex(toward);
}

/** The two themes' card backgrounds (assets/theme.css --card): the darkest and lightest a line's colour sits on. */
export const LIGHT_SURFACE = '#f6f8fa';
export const DARK_SURFACE = '#161b22';

/**
 * A line's colour for both themes, as one CSS value: unchanged where it already reads at 4.5:1,
 * else the nearest shade that does (`light-dark()` picks by the page's colour scheme).
 */
export function themedColor(color: string): string {
  return `light-dark(${readableOn(color, LIGHT_SURFACE)}, ${readableOn(color, DARK_SURFACE)})`;
}
