import { describe, expect, it } from 'vitest';
import { badgeLinesOf, decideBadge } from '@/lib/alerts/badge';
import type { NewAlert } from '@/lib/alerts/decide';
import { UI_LOCALES, type UiLocale } from '@/lib/i18n/translator';
import { messagesOf, plain, translator } from '../helpers/i18n';
import { CYCLE_END, CYCLE_START, DAY, H, NOW, anomaly, context, decideAlerts, runsOut, runsOutWithin, source, statusesAt } from './states';

/** A missing message shows as its key: snake_case, unlike any word of a real text. */
const keys = Object.keys(messagesOf('en')).filter((k) => k.includes('_'));

/** One alert of each kind for line `id`, decided in `locale`. */
function everyKind(locale: UiLocale): NewAlert[] {
  const ctx = context({ i18n: translator(locale), settings: { staleReadingDays: 3 } });
  const readAt = NOW - 4 * DAY;
  const sources = [
    source(1, 17, 20),
    source(2, 20, 20),
    source(3, 5, 20, { anomalies: [anomaly('spike', NOW - 30 * H), anomaly('overnight', NOW - 10 * H), anomaly('burn-rate', NOW - H, { percentOfCap: null })] }),
    source(4, 8, 20, runsOut(Date.UTC(2026, 10, 30, 9))),
    source(5, 5, 20, { cycle: { start: CYCLE_START, end: NOW + 20 * H, startSource: 'inferred', endSource: 'page' } }, {}, { periodEndKind: 'expiry' }),
    source(6, 5, 20, {}, {}, { capturedAt: readAt, confirmedAt: readAt }),
  ];
  return decideAlerts(sources, [], ctx).add;
}

describe('notification wording follows the UI language', () => {
  it('English keeps its wording', () => {
    const [threshold] = everyKind('en');
    expect(plain(threshold!.title)).toBe('Movistar ••10: 80% of data used');
    expect(plain(threshold!.message)).toBe('17 GB of 20 GB used (85%). 3 GB left. It probably renews on 8 Dec.');
  });

  it('Spanish: same decision, Spanish words, Spanish sizes and dates', () => {
    const en = everyKind('en');
    const es = everyKind('es');
    expect(es.map(({ title, message, ...rest }) => rest)).toEqual(en.map(({ title, message, ...rest }) => rest));
    const byKind = (kind: string) => es.find((a) => a.kind === kind)!;
    expect(plain(byKind('threshold').title)).toBe('Movistar ••10: 80 % de los datos usados');
    expect(plain(byKind('threshold').message)).toBe('Usados 17 GB de 20 GB (85 %). Quedan 3 GB. Probablemente se renueva el 8 dic.');
    expect(plain(byKind('overrun').title)).toBe('Movistar ••40: los datos se agotan hacia el 30 nov');
    expect(plain(byKind('validity').title)).toBe('Movistar ••50: la vigencia del plan termina el 21 nov');
    expect(plain(es.find((a) => a.kind === 'leak' && a.lineId === 3)!.message)).toBe('1,2 GB entre jue, 02:00 y jue, 06:00 (6 % del plan).');
  });

  it('Traditional Chinese (Hong Kong): Chinese words and dates', () => {
    const hk = everyKind('zh-HK');
    const byKind = (kind: string) => hk.find((a) => a.kind === kind)!;
    expect(plain(byKind('threshold').title)).toBe('Movistar ••10：已使用 80% 數據');
    expect(plain(byKind('threshold').message)).toBe('已用 17 GB，共 20 GB（85%）。尚餘 3 GB。預計於 12月8日 續期。');
    expect(plain(byKind('overrun').title)).toBe('Movistar ••40：數據預計於 11月30日 左右用完');
    expect(plain(byKind('stale').message)).toContain('上次讀取於 11月16日');
  });

  it('French sizes are written in octets', () => {
    const fr = everyKind('fr');
    expect(plain(fr.find((a) => a.kind === 'threshold')!.message)).toBe('17 Go consommés sur 20 Go (85 %). Il reste 3 Go. Renouvellement probable le 8 déc.');
  });

  it.each(UI_LOCALES)('%s words every kind without a missing message or an unfilled placeholder', (locale) => {
    const alerts = everyKind(locale);
    // The overnight use and the fast use 5 h later are one episode (lib/status/warnings.ts episodesOf).
    expect(alerts.map((a) => a.kind).sort()).toEqual(['leak', 'leak', 'overrun', 'stale', 'threshold', 'threshold', 'validity']);
    for (const alert of alerts) {
      for (const text of [alert.title, alert.message]) {
        expect(text, alert.key).not.toMatch(/\{\w+\}/);
        for (const key of keys) expect(text, `${alert.key} ${key}`).not.toContain(key);
        expect(text.trim(), alert.key).not.toBe('');
      }
    }
  });
});

describe('a run-out that a quieter pace would still see through is said as a close call', () => {
  const RUNS_OUT = Date.UTC(2026, 11, 3, 10);
  const overrunOf = (locale: UiLocale, latest: number | null, expiry = false) => {
    const ctx = context({ i18n: translator(locale) });
    const cycle = { start: CYCLE_START, end: CYCLE_END, startSource: 'inferred' as const, endSource: 'page' as const };
    const s = source(4, 8, 20, { ...runsOutWithin(RUNS_OUT, latest), cycle }, {}, expiry ? { periodEnd: CYCLE_END, periodEndKind: 'expiry' } : {});
    return decideAlerts([s], [], ctx).add.find((a) => a.kind === 'overrun')!;
  };

  it('English: the notification says it is close, and still what is left and when it renews', () => {
    expect(plain(overrunOf('en', null).message)).toBe(
      'At the current pace the allowance runs out before renewal, but it is close: quieter days could still see it through. 12 GB left. It renews on 8 Dec.',
    );
    expect(plain(overrunOf('en', CYCLE_END).message)).toContain('but it is close');
  });

  it('a run-out the slower pace also reaches before renewal is not a close call', () => {
    expect(plain(overrunOf('en', CYCLE_END - H).message)).toBe('At the current pace the allowance runs out before renewal. 12 GB left. It renews on 8 Dec.');
  });

  it.each(UI_LOCALES)('%s words the close call apart from the plain run-out, and an expiring allowance never renews', (locale) => {
    const close = plain(overrunOf(locale, null).message);
    const plainRunOut = plain(overrunOf(locale, CYCLE_END - H).message);
    expect(close).not.toBe(plainRunOut);
    expect(close.length).toBeGreaterThan(plainRunOut.length);
    expect(close).not.toMatch(/\{\w+\}/);
    for (const key of keys) expect(close, key).not.toContain(key);
    const expiring = plain(overrunOf(locale, null, true).message);
    expect(expiring).not.toBe(close);
    expect(expiring).not.toMatch(/renew|renouvel|renov|续期|續期/i);
  });
});

describe('badge title follows the UI language', () => {
  const sources = [
    source(1, 5, 20, { anomalies: [anomaly('overnight', NOW - 3 * H)] }),
    source(2, 5, 20, runsOut(NOW + 5 * DAY)),
    source(3, 5, null),
  ];

  it.each(UI_LOCALES)('%s names every line without a missing message or an unfilled placeholder', (locale) => {
    const wording = { i18n: translator(locale), timeZone: 'UTC' };
    const badge = decideBadge([...badgeLinesOf(statusesAt(sources, context()), wording), { name: 'Orange ••99', percent: null, unlimited: false, level: 'ok' }], wording);
    const lines = badge.title.split('\n');
    expect(lines).toHaveLength(5);
    expect(badge.title).not.toMatch(/\{\w+\}/);
    for (const key of keys) expect(badge.title, key).not.toContain(key);
  });

  it('Spanish and Traditional Chinese word the lines and format the dates', () => {
    const title = (locale: UiLocale) => {
      const wording = { i18n: translator(locale), timeZone: 'UTC' };
      return plain(decideBadge(badgeLinesOf(statusesAt(sources, context()), wording), wording).title).split('\n').slice(1);
    };
    expect(title('es')).toEqual([
      'Movistar ••10: 25 % usado; consumo inusual: 1,2 GB entre vie, 05:00 y vie, 09:00',
      'Movistar ••20: 25 % usado; se agota hacia el 25 nov',
      'Movistar ••30: ilimitado',
    ]);
    expect(title('zh-HK')).toEqual([
      'Movistar ••10：已用 25%；用量異常：週五 上午05:00 至 週五 上午09:00 使用了 1.2 GB',
      'Movistar ••20：已用 25%；預計 11月25日 左右用完',
      'Movistar ••30：無限量',
    ]);
  });
});
