import { describe, expect, it } from 'vitest';
import { hasUnlimitedMarker, isUnlimitedText } from '../../lib/extract/unlimited';

describe('isUnlimitedText', () => {
  it.each(['ilimitado', 'ilimitados', 'de ilimitados', 'Ilimitados', 'Datos ilimitadas', '∞', 'de ∞', 'Illimité', 'illimitée',
    'Illimités', 'illimitées', '無限', '无限', 'Unlimited', 'UNLIMITED data', 'sin límite', 'Sin limites', 'sans limite', '不限流量'])(
    '%j → true', (t) => expect(isUnlimitedText(t)).toBe(true));
  it.each(['', '20 GB', 'de 20 GB', 'limitado', 'ilimitadamente', 'limited', 'Min 5', 'Illimitable'])('%j → false', (t) =>
    expect(isUnlimitedText(t)).toBe(false));
});

describe('hasUnlimitedMarker', () => {
  const el = (html: string) => {
    const d = document.createElement('div');
    d.innerHTML = html;
    return d;
  };
  it.each([
    ['<span>de ∞</span>'],
    ['<span>de <i aria-label="Ilimitado" class="icon"></i></span>'],
    ['<span>de <img alt="infinito" src="inf.svg"></span>'],
    ['<span title="Unlimited"><b>de</b> <i></i></span>'],
    ['<svg aria-label="illimité"></svg>'],
    ['de ilimitados'],
  ])('%j → true', (html) => expect(hasUnlimitedMarker(el(html))).toBe(true));
  it.each([['<span>de 20 GB</span>'], ['<i class="icon-infinite"></i>'], ['<script>"ilimitado"</script>']])('%j → false', (html) =>
    expect(hasUnlimitedMarker(el(html))).toBe(false));
});
