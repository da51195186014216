/**
 * The colours a user may give a line. A fixed palette rather than a free picker: each one keeps
 * at least 4.5:1 contrast as text on the light theme's background and 3:1 as a swatch on the dark
 * one, so a line's colour can never make its name unreadable. The colour is never the only signal:
 * the UI always names it (`color_<name>` messages) and the line keeps its written name.
 */
export const LINE_COLORS = {
  blue: '#0969da',
  green: '#1a7f37',
  purple: '#8250df',
  orange: '#bc4c00',
  pink: '#bf3989',
  teal: '#1b7c83',
  brown: '#953800',
  gray: '#59636e',
} as const;

export type LineColorName = keyof typeof LINE_COLORS;
export type LineColor = (typeof LINE_COLORS)[LineColorName];

export const LINE_COLOR_VALUES = Object.values(LINE_COLORS) as [LineColor, ...LineColor[]];

export function colorName(value: string | null | undefined): LineColorName | null {
  const entry = Object.entries(LINE_COLORS).find(([, v]) => v === value);
  return entry ? (entry[0] as LineColorName) : null;
}
