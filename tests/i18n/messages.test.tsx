import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Overview } from '@/components/Overview';
import { resolveUiLocale } from '@/lib/i18n/locale';
import { UI_LOCALES } from '@/lib/i18n/translator';
import type { LineCardModel } from '@/lib/status/card';
import { messagesOf, plain, translator } from '../helpers/i18n';

const en = messagesOf('en');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const GB = 1024 ** 3;
const NOW = Date.UTC(2026, 10, 20, 10);

describe.each(UI_LOCALES.filter((l) => l !== 'en'))('%s messages', (locale) => {
  const messages = messagesOf(locale);
  it('have exactly the English keys, each non-empty', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(messages)) expect(value.message.trim(), key).not.toBe('');
  });
  it('use the same placeholders as English', () => {
    for (const [key, value] of Object.entries(en)) expect(placeholders(messages[key]!.message), key).toEqual(placeholders(value.message));
  });
});

describe('every language renders the overview without a missing message', () => {
  const card: LineCardModel = {
    lineId: 1, carrierId: 'movistar-es', carrierLabel: 'Movistar', name: 'Movistar ••12', color: null, bucket: 'data',
    usedBytes: 14 * GB, totalBytes: 20 * GB, unlimited: false, percent: 70, level: 'notice', usageLevel: 'notice', readAt: NOW - 3 * 86_400_000,
    extras: [{ bucket: 'roaming', usedBytes: GB, totalBytes: 5 * GB, unlimited: false, percent: 20 }], generic: true, pending: true,
    outlook: { status: 'runs-out', exhaustAt: NOW + 5 * 86_400_000, exhaustEarliest: null, exhaustLatest: null, cycleEnd: NOW + 12 * 86_400_000, cycleEndSource: 'page', spareBytes: 0, pace: 12.4, dailyBudgetBytes: 0.4 * GB },
    warnings: [{ kind: 'overnight', start: NOW - 9 * 3_600_000, end: NOW - 5 * 3_600_000, bytes: 1.2 * GB, percentOfCap: 6, reason: '' }],
  };
  it.each(UI_LOCALES)('%s', (locale) => {
    const root = document.createElement('div');
    render(
      <Overview
        i18n={translator(locale)} cards={[card]} now={NOW} error={null} carrierLabel={() => 'Movistar'}
        carriers={[{ id: 'movistar-es', label: 'Movistar', country: 'ES', usageUrl: 'https://appweb.movistar.es/' }]}
        tab={{ kind: 'carrier', tabId: 1, status: { carrierId: 'movistar-es', state: 'layout-changed', lines: 0, detail: '' } , lineIds: [] }}
        onCopySample={async () => true} onConfirm={() => {}} onDiscard={() => {}}
      />,
      root,
    );
    const text = plain(root.textContent);
    // A missing message shows as its key (snake_case), an unfilled placeholder as {name}.
    for (const key of Object.keys(en).filter((k) => k.includes('_'))) expect(text, key).not.toContain(key);
    expect(text).not.toMatch(/\{\w+\}/);
    expect(text).toContain('Movistar ••12');
  });
});

describe('resolveUiLocale', () => {
  it.each([
    ['auto', 'es-CL', 'es'], ['auto', 'fr-FR', 'fr'], ['auto', 'zh-HK', 'zh-HK'], ['auto', 'zh-TW', 'zh-HK'],
    ['auto', 'zh-Hant', 'zh-HK'], ['auto', 'zh-CN', 'zh-CN'], ['auto', 'zh', 'zh-CN'], ['auto', 'de-DE', 'en'], ['fr', 'es-ES', 'fr'],
  ] as const)('%s with browser %s → %s', (setting, browserLanguage, expected) => {
    expect(resolveUiLocale(setting, browserLanguage)).toBe(expected);
  });
});

describe('translator', () => {
  it('fills placeholders and picks plural forms by the language’s rules', () => {
    const t = translator('en');
    expect(t.t('figures_of', { used: '1 GB', total: '2 GB' })).toBe('1 GB of 2 GB');
    expect(t.plural('days', 1)).toBe('1 day');
    expect(t.plural('days', 7)).toBe('7 days');
    expect(translator('fr').plural('days', 1)).toBe('1 jour');
    expect(translator('zh-HK').plural('days', 3)).toBe('3 日');
  });
});
