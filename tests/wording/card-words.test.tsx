import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LineCard } from '@/components/LineCard';
import { UI_LOCALES, type UiLocale } from '@/lib/i18n/translator';
import type { CardOutlook, CardWarning, LineCardModel } from '@/lib/status/card';
import { plain, translator } from '../helpers/i18n';

const GB = 1024 ** 3;
const H = 3_600_000;
const DAY = 24 * H;
const NOW = Date.UTC(2026, 10, 20, 10);

const outlook = (o: Partial<CardOutlook> = {}): CardOutlook => ({
  status: 'within-cap', exhaustAt: null, exhaustEarliest: null, exhaustLatest: null, cycleStart: NOW - 20 * DAY, cycleEnd: NOW + 10 * DAY,
  cycleEndSource: 'page', spareBytes: 8 * GB, pace: -30, dailyBudgetBytes: GB, endKind: 'renewal', ...o,
});
const card = (o: Partial<LineCardModel> = {}): LineCardModel => ({
  lineId: 1, carrierId: 'movistar-es', carrierLabel: 'Movistar', name: 'Movistar ••12', nameTail: ' ••12', color: null, bucket: 'data',
  usedBytes: 4 * GB, totalBytes: 20 * GB, unlimited: false, percent: 20, level: 'ok', usageLevel: 'ok', readAt: NOW - 60_000,
  extras: [], generic: false, pending: false, manual: false, outlook: outlook(), warnings: [], ...o,
});
const warning = (o: Partial<CardWarning>): CardWarning => ({ kind: 'spike', start: NOW - 5 * H, end: NOW - 3 * H, bytes: 1.2 * GB, percentOfCap: 6, reason: '', ...o });

/** The translator's words as the reader sees them (non-breaking spaces as spaces). */
const P = (locale: UiLocale) => {
  const i18n = translator(locale);
  return { t: (...a: Parameters<typeof i18n.t>) => plain(i18n.t(...a)), plural: (...a: Parameters<typeof i18n.plural>) => plain(i18n.plural(...a)) };
};

function text(locale: UiLocale, c: LineCardModel, others: LineCardModel[] = []): string {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(
    <LineCard
      i18n={translator(locale)} card={c} now={NOW} usageUrl={c.manual ? null : 'https://appweb.movistar.es/'} onConfirm={() => {}} onDiscard={() => {}}
      steps={{ cards: [c, ...others], countryOf: (id) => ({ 'movistar-es': 'ES', 'orange-es': 'ES', cmhk: 'HK' })[id] ?? null }}
    />,
    root,
  );
  return plain(root.textContent);
}

afterEach(() => {
  document.body.innerHTML = '';
});

/** Per language: the words an expiring allowance must use, and the renewal words it must never use. */
const EXPIRY = {
  en: { says: ['valid until', 'will be lost on', 'expires'], never: /renew/i },
  es: { says: ['válido hasta', 'se perderán el', 'caduca'], never: /renov/i },
  fr: { says: ['valable jusqu’au', 'seront perdus le', 'expiration'], never: /renouvel/i },
  'zh-CN': { says: ['有效期至', '作废', '到期'], never: /续期/ },
  'zh-HK': { says: ['有效期至', '作廢', '到期'], never: /續期/ },
} as const satisfies Record<UiLocale, { says: string[]; never: RegExp }>;

describe.each(UI_LOCALES)('card words in %s', (locale) => {
  it('an allowance that expires expires: valid until, what will be lost, never "renews"', () => {
    const t = text(locale, card({ outlook: outlook({ endKind: 'expiry', spareBytes: 10 * GB }) }));
    for (const word of EXPIRY[locale].says.slice(0, 2)) expect(t).toContain(word);
    expect(t).not.toMatch(EXPIRY[locale].never);
    const runsOut = text(locale, card({ outlook: outlook({ endKind: 'expiry', status: 'runs-out', exhaustAt: NOW + 4 * DAY, spareBytes: 0 }) }));
    expect(runsOut).toContain(EXPIRY[locale].says[2]);
    expect(runsOut).not.toMatch(EXPIRY[locale].never);
  });

  it('a renewing allowance renews', () => {
    expect(text(locale, card())).toMatch(locale === 'en' ? /renew/ : locale === 'es' ? /renov/ : locale === 'fr' ? /renouvel/ : /續期|续期/);
  });

  it('never puts a pace next to a run-out, and a safe pace is not called "behind"', () => {
    const t = text(locale, card({ outlook: outlook({ status: 'runs-out', exhaustAt: NOW + 4 * DAY, spareBytes: 0, pace: 2 }) }));
    const even = P(locale).t('pace_even');
    expect(t).not.toContain(even);
    expect(t).not.toMatch(/behind|ahead|retard|avance|atrás|adelant/i);
    // Slow use of a line that lasts: said as what it is.
    expect(text(locale, card())).toContain(P(locale).t('pace_slow'));
  });

  it('an unlimited line says how much was used and that it is unlimited, never "of unlimited"', () => {
    const t = text(locale, card({ unlimited: true, totalBytes: null, percent: null, usedBytes: 64.1 * GB, outlook: outlook({ status: 'unlimited' }) }));
    expect(t).toContain({ en: '64.1 GB used · unlimited', es: '64,1 GB usados · ilimitado', fr: '64,1 Go utilisés · illimité', 'zh-CN': '已用 64.1 GB · 无限量', 'zh-HK': '已用 64.1 GB · 無限量' }[locale]);
  });

  it('a line added by hand is never told to open a carrier page, and a carrier line says it once', () => {
    const stale = NOW - 3 * DAY;
    const manual = text(locale, card({ carrierId: 'manual', carrierLabel: 'manual', name: 'Travel', nameTail: null, manual: true, readAt: stale }));
    expect(manual).toContain(P(locale).t('manual_refresh_hint'));
    expect(manual).not.toContain(P(locale).t('open_carrier_refresh', { carrier: 'Movistar' }).split('Movistar')[0]!.trim() || '\u0000');
    const carrier = text(locale, card({ readAt: stale }));
    const link = P(locale).t('open_carrier_refresh', { carrier: 'Movistar' });
    expect(carrier.split(link)).toHaveLength(2);
  });

  it('a new line says what to do next: come back tomorrow, or "Check now"', () => {
    const t = text(locale, card({ outlook: outlook({ status: 'insufficient-data', pace: null, spareBytes: null }) }));
    expect(t).toContain(P(locale).t('check_now'));
    const manual = text(locale, card({ manual: true, carrierId: 'manual', outlook: outlook({ status: 'insufficient-data' }) }));
    expect(manual).toContain(P(locale).t('new_line_next_manual'));
  });

  it('percent and colons follow the language', () => {
    const t = text(locale, card({ percent: 36, usedBytes: 7.2 * GB, extras: [{ bucket: 'roaming', usedBytes: 24 * 1024 ** 2, totalBytes: GB, unlimited: false, percent: 2 }] }));
    const expected = {
      en: ['36%', 'Roaming: 24 MB of 1 GB'], es: ['36 %', 'Roaming: 24 MB de 1 GB'], fr: ['36 %', 'Itinérance : 24 Mo sur 1 Go'],
      'zh-CN': ['36%', '漫游数据：24 MB / 1 GB'], 'zh-HK': ['36%', '漫遊數據：24 MB / 1 GB'],
    }[locale];
    for (const e of expected) expect(t).toContain(e);
  });

  it('every warning carries one or two next steps that fit it, and what it cost', () => {
    const overnight = text(locale, card({ warnings: [warning({ kind: 'overnight' })] }));
    expect(overnight).toContain(P(locale).t('step_background'));
    expect(overnight).toContain(P(locale).t('step_per_app'));
    expect(overnight).toContain(P(locale).t('warning_cost_days', { percent: locale === 'en' || locale.startsWith('zh') ? '6%' : '6 %', left: locale === 'fr' ? '16 Go' : '16 GB', days: P(locale).plural('days', 10) }));
    // Fast use now: stop, or move to a calm line of the same country (never the one abroad).
    const calm = card({ lineId: 2, carrierId: 'orange-es', carrierLabel: 'Orange', name: 'Home', nameTail: null, percent: 10, usedBytes: 2 * GB });
    const abroad = card({ lineId: 3, carrierId: 'cmhk', carrierLabel: 'China Mobile Hong Kong', name: 'Travel', nameTail: null, percent: 1, usedBytes: 0.2 * GB });
    const burst = text(locale, card({ warnings: [warning({ kind: 'burn-rate' })] }), [calm, abroad]);
    expect(burst).toContain(P(locale).t('step_data_off'));
    expect(burst).toContain('Home');
    expect(burst).not.toContain('Travel');
    const overrun = text(locale, card({ warnings: [warning({ kind: 'overrun', start: NOW, end: NOW + 4 * DAY, percentOfCap: null })], outlook: outlook({ status: 'runs-out', exhaustAt: NOW + 4 * DAY }) }));
    expect(overrun).toContain(P(locale).t('step_add_on'));
    const usedUp = text(locale, card({ percent: 100, usedBytes: 20 * GB, warnings: [warning({ kind: 'used-up', percentOfCap: 100 })] }));
    expect(usedUp).toContain(P(locale).t('warning_used_up'));
    expect(usedUp).toContain(P(locale).t('step_used_up_until', { date: new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { day: 'numeric', month: 'short' }).format(NOW + 10 * DAY) }));
  });

  it('heavy use several times in a row is one episode', () => {
    const t = text(locale, card({ warnings: [warning({ count: 4, slowDrain: true, bytes: 6 * GB, percentOfCap: 30 })] }));
    expect(t).toContain(P(locale).plural('warning_episode', 4, { amount: '', from: '', to: '' }).split(/[:：]/)[0]!.trim());
    expect(t.match(/⚠/g)).toHaveLength(1);
  });

  it('a forecast run-out past its date says "probably used up"', () => {
    const t = text(locale, card({ outlook: outlook({ status: 'exhausted', likelyUsedUp: true, exhaustAt: NOW - DAY }) }));
    expect(t).toContain(P(locale).t('outlook_likely_used_up'));
  });

  it('names carriers as this language does (中國移動香港, Sosh/Orange from the card)', () => {
    const t = text(locale, card({ carrierId: 'cmhk', carrierLabel: 'China Mobile Hong Kong', name: 'China Mobile Hong Kong ••34', nameTail: ' ••34' }));
    const expected = { en: 'China Mobile Hong Kong ••34', es: 'China Mobile Hong Kong ••34', fr: 'China Mobile Hong Kong ••34', 'zh-CN': '中国移动香港 ••34', 'zh-HK': '中國移動香港 ••34' }[locale];
    expect(t).toContain(expected);
  });
});

/**
 * A close call says so. The line renews (or expires) in 10 days, on 30 Nov; at this pace a
 * run-out falls on 27 Nov (3 days before), and a faster pace would use a lasting line up by 28 Nov.
 */
describe('a close call is said as one', () => {
  const END = NOW + 10 * DAY;
  const lasts = (o: Partial<CardOutlook> = {}) => outlook({ exhaustEarliest: NOW + 8 * DAY, exhaustLatest: null, ...o });
  const runsOut = (o: Partial<CardOutlook> = {}) =>
    outlook({ status: 'runs-out', exhaustAt: NOW + 7 * DAY, exhaustEarliest: NOW + 5 * DAY, exhaustLatest: null, spareBytes: 0, pace: 8, ...o });
  const say = (locale: UiLocale, o: CardOutlook) => text(locale, card({ outlook: o }));

  /** Written out in full, so a changed word, a lost date or an unfilled placeholder shows. */
  const SENTENCES = {
    en: {
      lasts: 'should last until renewal on 30 Nov, but it is close: busier days could use it up by 28 Nov',
      lastsExpiry: 'should last until it expires on 30 Nov, but it is close: busier days could use it up by 28 Nov',
      runsOut: 'at this pace it runs out on 27 Nov, 3 days before renewal; quieter days could still see it through',
      runsOutExpiry: 'at this pace it runs out on 27 Nov, 3 days before it expires; quieter days could still see it through',
    },
    es: {
      lasts: 'debería alcanzar hasta la renovación del 30 nov, pero va justo: con días de más uso podría agotarse para el 28 nov',
      lastsExpiry: 'debería alcanzar hasta que caduque el 30 nov, pero va justo: con días de más uso podría agotarse para el 28 nov',
      runsOut: 'a este ritmo se agota el 27 nov, 3 días antes de la renovación; con días de menos uso aún podría llegar a la renovación',
      runsOutExpiry: 'a este ritmo se agota el 27 nov, 3 días antes de caducar; con días de menos uso aún podría durar hasta que caduque',
    },
    fr: {
      lasts: 'devrait suffire jusqu’au renouvellement du 30 nov., mais c’est serré : d’ici le 28 nov., des journées plus chargées pourraient l’épuiser',
      lastsExpiry: 'devrait suffire jusqu’à son expiration le 30 nov., mais c’est serré : d’ici le 28 nov., des journées plus chargées pourraient l’épuiser',
      runsOut: 'à ce rythme, épuisé le 27 nov., 3 jours avant le renouvellement ; avec des journées plus calmes, il pourrait encore tenir jusque-là',
      runsOutExpiry: 'à ce rythme, épuisé le 27 nov., 3 jours avant son expiration ; avec des journées plus calmes, il pourrait encore tenir jusque-là',
    },
    'zh-CN': {
      lasts: '应该够用到11月30日续期，但比较紧：用量大一些的话，最早11月28日就可能用完',
      lastsExpiry: '应该够用到11月30日到期，但比较紧：用量大一些的话，最早11月28日就可能用完',
      runsOut: '按此速度，11月27日用完，比续期早3 天；用量小一些的话，仍可能撑到续期',
      runsOutExpiry: '按此速度，11月27日用完，比到期早3 天；用量小一些的话，仍可能撑到有效期结束',
    },
    'zh-HK': {
      lasts: '應該足夠用到11月30日續期，但比較緊：用量大一些的話，最早11月28日就可能用完',
      lastsExpiry: '應該足夠用到11月30日到期，但比較緊：用量大一些的話，最早11月28日就可能用完',
      runsOut: '按此速度，11月27日用完，比續期早3 日；用量小一些的話，仍可能撐到續期',
      runsOutExpiry: '按此速度，11月27日用完，比到期早3 日；用量小一些的話，仍可能撐到有效期結束',
    },
  } as const satisfies Record<UiLocale, Record<'lasts' | 'lastsExpiry' | 'runsOut' | 'runsOutExpiry', string>>;

  describe.each(UI_LOCALES)('in %s', (locale) => {
    const s = SENTENCES[locale];
    it('a line that lasts at this pace, but not at a busier one, says it is close and by when', () => {
      expect(say(locale, lasts())).toContain(s.lasts);
      // Not the plain verdict beside it: one sentence, not two.
      expect(say(locale, lasts())).not.toContain(P(locale).t('outlook_lasts_renewal', { date: '' }).trim());
    });
    it('a line that runs out at this pace, but not at a quieter one, says it could still last', () => {
      expect(say(locale, runsOut())).toContain(s.runsOut);
    });
    it('an allowance that expires says so in the close sentences too, never "renews"', () => {
      const lastsExpiry = say(locale, lasts({ endKind: 'expiry' }));
      const runsOutExpiry = say(locale, runsOut({ endKind: 'expiry' }));
      expect(lastsExpiry).toContain(s.lastsExpiry);
      expect(runsOutExpiry).toContain(s.runsOutExpiry);
      expect(lastsExpiry + runsOutExpiry).not.toMatch(EXPIRY[locale].never);
    });
    it('on a card the run-out warning stands in for the outlook, and says the close call once', () => {
      const overrun = [warning({ kind: 'overrun', start: NOW, end: NOW + 7 * DAY, percentOfCap: null })];
      const capital = (x: string) => x[0]!.toUpperCase() + x.slice(1);
      const renews = text(locale, card({ outlook: runsOut(), warnings: overrun }));
      expect(renews).toContain(capital(s.runsOut));
      expect(renews.split(s.runsOut.slice(1))).toHaveLength(2);
      expect(text(locale, card({ outlook: runsOut({ endKind: 'expiry' }), warnings: overrun }))).toContain(capital(s.runsOutExpiry));
    });
  });

  it('an earliest run-out at renewal or on the renewal day is not close; the day before it is', () => {
    expect(say('en', lasts({ exhaustEarliest: END }))).toContain('lasts until renewal on 30 Nov');
    expect(say('en', lasts({ exhaustEarliest: END }))).not.toContain('close');
    expect(say('en', lasts({ exhaustEarliest: END - 60_000 }))).not.toContain('close');
    expect(say('en', lasts({ exhaustEarliest: END - DAY }))).toContain('should last until renewal on 30 Nov, but it is close: busier days could use it up by 29 Nov');
  });

  it('a run-out is close when the slower pace lasts to renewal or never runs out (null), not when it runs out a minute early', () => {
    const close = SENTENCES.en.runsOut;
    expect(say('en', runsOut({ exhaustLatest: null }))).toContain(close);
    expect(say('en', runsOut({ exhaustLatest: END }))).toContain(close);
    expect(say('en', runsOut({ exhaustLatest: END + DAY }))).toContain(close);
    const early = say('en', runsOut({ exhaustLatest: END - 60_000 }));
    expect(early).toContain('at this pace it runs out on 27 Nov, 3 days before renewal');
    expect(early).not.toContain('quieter');
    // The card's warning headline draws the same line.
    const overrun = [warning({ kind: 'overrun', start: NOW, end: NOW + 7 * DAY, percentOfCap: null })];
    expect(text('en', card({ outlook: runsOut({ exhaustLatest: END }), warnings: overrun }))).toContain('At this pace it runs out on 27 Nov, 3 days before renewal; quieter days');
    const earlyWarning = text('en', card({ outlook: runsOut({ exhaustLatest: END - 60_000 }), warnings: overrun }));
    expect(earlyWarning).toContain('At this pace it runs out on 27 Nov, 3 days before renewal');
    expect(earlyWarning).not.toContain('quieter');
  });

  it('without a range nothing changes, and with one the same line is close', () => {
    const none = { exhaustEarliest: null, exhaustLatest: null };
    expect(say('es', lasts(none))).toContain('alcanza hasta la renovación del 30 nov');
    expect(say('es', lasts(none))).not.toContain('justo');
    expect(say('es', lasts())).toContain(SENTENCES.es.lasts);
    const plainRunOut = say('es', runsOut(none));
    expect(plainRunOut).toContain('a este ritmo se agota el 27 nov, 3 días antes de la renovación');
    expect(plainRunOut).not.toContain('menos uso');
    expect(say('es', runsOut())).toContain(SENTENCES.es.runsOut);
  });

  it('without a known end nothing is close: there is no date to be close to', () => {
    const lastsNoEnd = say('en', lasts({ cycleEnd: null }));
    expect(lastsNoEnd).toContain('lasts through this period');
    expect(lastsNoEnd).not.toContain('close');
    const runsOutNoEnd = say('en', runsOut({ cycleEnd: null }));
    expect(runsOutNoEnd).toContain('at this pace it runs out on 27 Nov');
    expect(runsOutNoEnd).not.toContain('quieter');
    // The same ranges with the end known are close calls.
    expect(say('en', lasts())).toContain(SENTENCES.en.lasts);
    expect(say('en', runsOut())).toContain(SENTENCES.en.runsOut);
  });
});

describe('no outlook yet', () => {
  // Shown with one reading, with two read hours apart, and in a new cycle not read yet: it names
  // no count of readings it cannot vouch for.
  it.each([
    ['en', 'too few readings so far: no outlook yet'],
    ['es', 'aún hay pocas lecturas: todavía sin previsión'],
    ['fr', 'pas encore assez de lectures pour une prévision'],
  ] as const)('%s says too few readings, not "one reading"', (locale, words) => {
    const t = text(locale, card({ outlook: outlook({ status: 'insufficient-data', pace: null, spareBytes: null }) }));
    expect(t).toContain(words);
    expect(t).not.toMatch(/one reading|una lectura|une seule lecture/);
  });
});
