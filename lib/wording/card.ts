import { formatBytes } from '../format/bytes';
import { formatDay, formatWhen } from '../format/date';
import type { Translator } from '../i18n/translator';
import type { CardOutlook, CardWarning } from '../status/card';
import { DAY } from '../time/units';


/** "runs out around 12 Dec, 7 days before renewal" and its kin, in the UI language. Pure. */
export function describeProjection(outlook: CardOutlook, i18n: Translator): string {
  const { locale } = i18n;
  switch (outlook.status) {
    case 'unlimited':
      return i18n.t('outlook_unlimited');
    case 'exhausted':
      return i18n.t('outlook_exhausted');
    case 'insufficient-data':
      return i18n.t('outlook_insufficient');
    case 'runs-out': {
      if (outlook.exhaustAt === null) return i18n.t('outlook_insufficient');
      const date = formatDay(outlook.exhaustAt, locale);
      if (outlook.cycleEnd === null) return i18n.t('outlook_runs_out', { date });
      const days = Math.max(1, Math.round((outlook.cycleEnd - outlook.exhaustAt) / DAY));
      return i18n.t('outlook_runs_out_before', { date, days: i18n.plural('days', days) });
    }
    case 'within-cap': {
      const spare = outlook.spareBytes ?? 0;
      if (spare <= 0) return i18n.t('outlook_lasts_no_spare');
      return i18n.t('outlook_lasts', { spare: formatBytes(spare, locale) });
    }
  }
}

/** "about 2 GB will expire unused": said only when a good share of the cap is projected to be left. */
export function describeExpiring(outlook: CardOutlook, totalBytes: number | null, i18n: Translator): string | null {
  if (outlook.status !== 'within-cap' || outlook.spareBytes === null || totalBytes === null) return null;
  return outlook.spareBytes >= totalBytes * 0.25 ? i18n.t('outlook_expire_unused', { spare: formatBytes(outlook.spareBytes, i18n.locale) }) : null;
}

/** "12 % ahead of pace": the gap between the share of the cap used and the share of the cycle gone. */
export function describePace(pace: number | null, i18n: Translator): string | null {
  if (pace === null) return null;
  const points = Math.round(Math.abs(pace));
  if (points < 2) return i18n.t('pace_even');
  return i18n.t(pace > 0 ? 'pace_ahead' : 'pace_behind', { points });
}

export function describeWarning(warning: CardWarning, i18n: Translator): string {
  const { locale } = i18n;
  if (warning.kind === 'overrun') return i18n.t('warning_overrun', { date: formatDay(warning.end, locale) });
  const params = {
    amount: formatBytes(warning.bytes, locale),
    from: formatWhen(warning.start, locale),
    to: formatWhen(warning.end, locale),
    percent: warning.percentOfCap === null ? '?' : Math.round(warning.percentOfCap),
  };
  if (warning.kind === 'overnight') return i18n.t('warning_overnight', params);
  if (warning.kind === 'burn-rate') return i18n.t('warning_burn_rate', params);
  return i18n.t('warning_spike', params);
}
