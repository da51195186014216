import { formatBytes } from '@/lib/format/bytes';
import { formatDay } from '@/lib/format/date';
import { formatPercent, wholePercent } from '@/lib/format/percent';
import { timeAgo } from '@/lib/format/time-ago';
import type { MessageKey, Translator } from '@/lib/i18n/translator';
import type { LineCardModel } from '@/lib/status/card';
import { describeExpiring, describePace, describeProjection, describeWarning } from '@/lib/wording/card';
import type { LineCheckState } from '@/lib/checks/line-state';
import { CheckStatus } from './CheckStatus';
import { PendingQuestion } from './PendingQuestion';
import { UsageBar } from './UsageBar';

export const BUCKET_KEYS: Record<LineCardModel['bucket'], MessageKey> = {
  data: 'bucket_data',
  shared: 'bucket_shared',
  roaming: 'bucket_roaming',
  local: 'bucket_local',
  bonus: 'bucket_bonus',
};

/** A figure older than this is worth refreshing: the carrier page is one click away. */
export const STALE_AFTER_MS = 24 * 3_600_000;

export interface LineActions {
  onConfirm: (lineId: number) => void;
  onDiscard: (lineId: number) => void;
  /** Discards only the generic reader's newer figures of a counted line. */
  onDiscardFigures?: (lineId: number) => void;
}

interface LineCardProps extends LineActions {
  i18n: Translator;
  card: LineCardModel;
  now: number;
  /** The carrier's usage page, to refresh a stale figure. */
  usageUrl: string | null;
  /** Opens the line's detail (click anywhere on the card but its own links and buttons, or Enter on it). */
  onOpen?: (lineId: number) => void;
  /** The line was read from the carrier page in the active tab. */
  fromTab?: boolean;
  /** Where this line's "Check now" stands, if a round concerns it. */
  check?: LineCheckState | null;
}

export function LineCard({ i18n, card, now, usageUrl, onConfirm, onDiscard, onDiscardFigures, onOpen, fromTab, check }: LineCardProps) {
  const { locale } = i18n;
  const used = card.usedBytes === null ? '—' : formatBytes(card.usedBytes, locale);
  const total = card.unlimited ? i18n.t('unlimited') : card.totalBytes === null ? i18n.t('unknown_total') : formatBytes(card.totalBytes, locale);
  const percentText = card.percent === null ? '' : formatPercent(card.percent, locale);
  const bucket = i18n.t(BUCKET_KEYS[card.bucket]);
  const ago = timeAgo(card.readAt, now, locale, i18n.t('just_now'));
  const stale = now - card.readAt > STALE_AFTER_MS;
  const outlook = card.outlook;
  // A pace from a single reading says little; it appears with the projection, once there is one.
  const pace = outlook && !card.unlimited && outlook.status !== 'insufficient-data' ? describePace(outlook.pace, i18n) : null;
  const expiring = outlook ? describeExpiring(outlook, card.totalBytes, i18n) : null;
  const hintId = `line-hint-${card.lineId}`;
  // The card's own links and buttons keep their meaning; anywhere else opens the detail.
  const open = onOpen
    ? {
        tabIndex: 0,
        'aria-describedby': hintId,
        onClick: (e: MouseEvent) => {
          if (!(e.target as Element).closest('a, button')) onOpen(card.lineId);
        },
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === 'Enter' && e.target === e.currentTarget) {
            e.preventDefault();
            onOpen(card.lineId);
          }
        },
      }
    : {};
  return (
    <article
      class={`line-card status-${card.level}${card.pending ? ' is-pending' : ''}${card.warnings.length ? ' has-warning' : ''}${onOpen ? ' is-openable' : ''}${fromTab ? ' from-tab' : ''}`}
      data-line-id={card.lineId}
      aria-label={card.name}
      style={card.color ? { borderLeftColor: card.color } : undefined}
      {...open}
    >
      <header class="line-card-head">
        <span class="line-name">{card.name}</span>
        {fromTab && <span class="tab-tag">{i18n.t('from_this_tab')}</span>}
        {/* Lines added by hand have no carrier page: say so rather than show the internal id. */}
        <span class="carrier">{card.carrierId === 'manual' ? i18n.t('opt_manual_carrier') : card.carrierLabel}</span>
        {onOpen && (
          <span class="visually-hidden" id={hintId}>
            {i18n.t('open_detail_hint')}
          </span>
        )}
      </header>
      <p class="figures">
        <span class="used">{i18n.t('figures_of', { used, total })}</span>
        {percentText && <span class={`percent level-${card.usageLevel}`}>{percentText}</span>}
      </p>
      {!card.unlimited && card.percent !== null && (
        <UsageBar percent={card.percent} level={card.usageLevel} label={i18n.t('gauge_label', { bucket, percent: wholePercent(card.percent) })} />
      )}
      {card.warnings.length > 0 && (
        <ul class="warnings">
          {card.warnings.map((warning) => (
            <li key={`${warning.kind}-${warning.start}`} class={`warning warning-${warning.kind}`}>
              <span class="visually-hidden">{i18n.t('warning_label')}: </span>
              <span aria-hidden="true">⚠ </span>
              {describeWarning(warning, i18n)}
            </li>
          ))}
        </ul>
      )}
      {outlook && (
        <p class="outlook">
          {/* "about 10 GB will expire unused" already says how much is spare: don't say it twice. */}
          {expiring ? `${i18n.t('outlook_lasts_no_spare')} · ${expiring}` : describeProjection(outlook, i18n)}
          {pace && <> · {pace}</>}
        </p>
      )}
      <p class="meta">
        <span>{bucket}</span>
        {outlook?.cycleEnd != null && <> · {i18n.t('renews_on', { date: formatDay(outlook.cycleEnd, locale) })}</>}
        {outlook?.dailyBudgetBytes != null && outlook.status === 'within-cap' && (
          <> · {i18n.t('budget_per_day', { amount: formatBytes(outlook.dailyBudgetBytes, locale) })}</>
        )}{' '}
        · <time dateTime={new Date(card.readAt).toISOString()}>{i18n.t(stale ? 'stale_hint' : 'read_ago', { ago })}</time>
        {stale && usageUrl && (
          <>
            {' '}
            <a href={usageUrl} target="_blank" rel="noreferrer">
              {i18n.t('open_carrier_page', { carrier: card.carrierLabel })}
            </a>
          </>
        )}
      </p>
      {check && <CheckStatus i18n={i18n} state={check} now={now} />}
      {card.pending && (
        <PendingQuestion
          i18n={i18n}
          lineName={card.name}
          figures={i18n.t('figures_of', { used, total })}
          onConfirm={() => onConfirm(card.lineId)}
          onDiscard={() => onDiscard(card.lineId)}
        />
      )}
      {!card.pending && card.unconfirmed && onDiscardFigures && (
        <PendingQuestion
          i18n={i18n}
          lineName={card.name}
          figures={figuresText(i18n, card.unconfirmed)}
          known={i18n.t('figures_of', { used, total })}
          onConfirm={() => onConfirm(card.lineId)}
          onDiscard={() => onDiscardFigures(card.lineId)}
        />
      )}
      {card.extras.length > 0 && (
        <ul class="extras">
          {card.extras.map((extra) => (
            <li key={extra.bucket}>
              {i18n.t(BUCKET_KEYS[extra.bucket])}:{' '}
              {i18n.t('figures_of', {
                used: extra.usedBytes === null ? '—' : formatBytes(extra.usedBytes, locale),
                total: extra.unlimited ? i18n.t('unlimited') : extra.totalBytes === null ? i18n.t('unknown_total') : formatBytes(extra.totalBytes, locale),
              })}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function figuresText(i18n: Translator, f: { usedBytes: number | null; totalBytes: number | null; unlimited: boolean }): string {
  const { locale } = i18n;
  return i18n.t('figures_of', {
    used: f.usedBytes === null ? '—' : formatBytes(f.usedBytes, locale),
    total: f.unlimited ? i18n.t('unlimited') : f.totalBytes === null ? i18n.t('unknown_total') : formatBytes(f.totalBytes, locale),
  });
}
