import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrast, readableOn, themedColor, DARK_SURFACE, LIGHT_SURFACE } from '@/lib/format/contrast';
import { LINE_COLOR_VALUES } from '@/lib/settings/line-colors';
import { LEVEL_COLORS } from '@/lib/status/level';

/** The custom properties of one `:root { … }` block of the shared theme. */
function themeVars(dark: boolean): Record<string, string> {
  const css = readFileSync('assets/theme.css', 'utf8');
  const at = css.indexOf('@media (prefers-color-scheme: dark)');
  const block = dark ? css.slice(at) : css.slice(0, at);
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1]!, m[2]!]));
}

const TEXT = ['fg', 'muted', 'ok', 'notice', 'warning', 'danger', 'over', 'accent'];
const SURFACES = ['bg', 'card'];

describe.each([false, true])('theme text contrast (dark: %s)', (dark) => {
  const vars = themeVars(dark);
  it.each(TEXT)('--%s reads at 4.5:1 or more on the page and on a card', (name) => {
    for (const surface of SURFACES) expect(contrast(vars[name]!, vars[surface]!), `${name} on ${surface}`).toBeGreaterThanOrEqual(4.5);
  });
  it('the page text reads on the tinted status banners', () => {
    for (const tint of ['info-bg', 'ok-bg', 'problem-bg']) expect(contrast(vars.fg!, vars[tint]!), tint).toBeGreaterThanOrEqual(4.5);
  });
});

describe('line colours', () => {
  it.each(LINE_COLOR_VALUES)('%s is drawn at 4.5:1 or more in both themes', (color) => {
    const [, light, darkShade] = /light-dark\((#\w{6}), (#\w{6})\)/.exec(themedColor(color))!;
    expect(contrast(light!, LIGHT_SURFACE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(darkShade!, DARK_SURFACE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(darkShade!, '#0d1117')).toBeGreaterThanOrEqual(4.5);
  });
  it('a colour that already reads is kept as it is', () => {
    expect(readableOn('#0969da', LIGHT_SURFACE)).toBe('#0969da');
    // The palette's blue was drawn unchanged at 3.3:1 in the dark theme: now it is lightened.
    expect(contrast('#0969da', DARK_SURFACE)).toBeLessThan(4.5);
    expect(readableOn('#0969da', DARK_SURFACE)).not.toBe('#0969da');
  });
});

describe('badge colours', () => {
  it.each(Object.entries(LEVEL_COLORS))('white badge text reads on %s', (_level, color) => {
    expect(contrast('#ffffff', color)).toBeGreaterThanOrEqual(4.5);
  });
  it('the card percent colours equal the badge colours in the light theme', () => {
    const vars = themeVars(false);
    for (const level of ['ok', 'notice', 'warning', 'danger', 'over'] as const) expect(vars[level]!.toLowerCase()).toBe(LEVEL_COLORS[level].toLowerCase());
  });
});
