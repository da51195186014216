import { themedColor } from '@/lib/format/contrast';
import { formatPercent } from '@/lib/format/percent';
import { timeAgo } from '@/lib/format/time-ago';
import type { MessageKey, Translator } from '@/lib/i18n/translator';
import { forecastsAfterRenewal, type LineCardModel } from '@/lib/status/card';
import { cardFiguresText, describeBudget, describeEnd, describeLeftover, describePace, describeProjection, describeRenewal, figuresText, labelled } from '@/lib/wording/card';
import { carrierName, lineDisplayName } from '@/lib/wording/names';
import type { StepContext } from '@/lib/wording/steps';
import type { LineCheckState } from '@/lib/checks/line-state';
import { CheckStatus } from './CheckStatus';
import { PendingQuestion } from './PendingQuestion';
import { UsageBar } from './UsageBar';
import { WarningList } from './WarningList';

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
  /** The other lines and carriers' countries, for the warnings' next steps ("switch data to …"). */
  steps?: Omit<StepContext, 'now' | 'usageUrl'> | null;
}

export function LineCard({ i18n, card, now, usageUrl, onConfirm, onDiscard, onDiscardFigures, onOpen, fromTab, check, steps }: LineCardProps) {
  const { locale } = i18n;
  const figures = cardFiguresText(card, i18n);
  const percentText = card.percent === null ? '' : formatPercent(card.percent, locale);
  const bucket = i18n.t(BUCKET_KEYS[card.bucket]);
  const ago = timeAgo(card.readAt, now, locale, i18n.t('just_now'));
  const outlook = card.outlook;
  // Renewed since the latest reading: only the page has the new cycle's figures.
  const renewal = outlook ? describeRenewal(outlook, i18n) : null;
  const stale = now - card.readAt > STALE_AFTER_MS || renewal !== null;
  const name = lineDisplayName(card, i18n);
  const carrier = carrierName(card, i18n);
  // Only a line that lasts gets a pace clause: next to a run-out it would contradict it.
  const pace = outlook && !card.unlimited && outlook.status === 'within-cap' ? describePace(outlook.pace, i18n) : null;
  const leftover = outlook ? describeLeftover(outlook, card.totalBytes, i18n) : null;
  // The run-out warning already gives the date: the outlook does not say it a second time.
  const saysRunOut = card.warnings.some((w) => w.kind === 'overrun' || w.kind === 'used-up');
  const showOutlook = outlook && forecastsAfterRenewal(outlook) && !(saysRunOut && (outlook.status === 'runs-out' || outlook.status === 'exhausted'));
  const isNew = outlook?.status === 'insufficient-data' && !card.pending && renewal === null;
  const end = outlook ? describeEnd(outlook, i18n) : null;
  const budget = outlook ? describeBudget(outlook, i18n) : null;
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
      aria-label={name}
      style={card.color ? { borderLeftColor: themedColor(card.color) } : undefined}
      {...open}
    >
      <header class="line-card-head">
        <span class="line-name">{name}</span>
        {fromTab && <span class="tab-tag">{i18n.t('from_this_tab')}</span>}
        {/* Lines added by hand have no carrier page: say so rather than show the internal id. */}
        <span class="carrier">{carrier}</span>
        {onOpen && (
          <span class="visually-hidden" id={hintId}>
            {i18n.t('open_detail_hint')}
          </span>
        )}
      </header>
      <p class="figures">
        <span class="used">{figures}</span>
        {percentText && <span class={`percent level-${card.usageLevel}`}>{percentText}</span>}
      </p>
      {!card.unlimited && card.percent !== null && (
        <UsageBar percent={card.percent} level={card.usageLevel} label={i18n.t('gauge_label', { bucket, percent: percentText })} />
      )}
      <WarningList i18n={i18n} card={card} now={now} steps={steps ? { ...steps, usageUrl } : null} />
      {renewal && <p class="renewal-note">{renewal}</p>}
      {showOutlook && (
        <p class="outlook">
          {describeProjection(outlook, i18n, { manual: card.manual })}
          {leftover && <> · {leftover}</>}
          {pace && <> · {pace}</>}
        </p>
      )}
      {isNew && <p class="next-hint">{card.manual ? i18n.t('new_line_next_manual') : i18n.t('new_line_next', { check: i18n.t('check_now') })}</p>}
      <p class="meta">
        <span>{bucket}</span>
        {end && <> · {end}</>}
        {budget && <> · {budget}</>} ·{' '}
        <time dateTime={new Date(card.readAt).toISOString()}>{i18n.t(card.manual ? 'entered_ago' : 'read_ago', { ago })}</time>
        {/* A stale figure says how to refresh it once: the carrier's page, or for a line added by hand, the settings. */}
        {stale && card.manual && <> · {i18n.t('manual_refresh_hint')}</>}
        {stale && !card.manual && usageUrl && (
          <>
            {' · '}
            <a href={usageUrl} target="_blank" rel="noreferrer">
              {i18n.t('open_carrier_refresh', { carrier })}
            </a>
          </>
        )}
      </p>
      {check && <CheckStatus i18n={i18n} state={check} now={now} />}
      {card.pending && (
        <PendingQuestion
          i18n={i18n}
          lineName={name}
          figures={figures}
          onConfirm={() => onConfirm(card.lineId)}
          onDiscard={() => onDiscard(card.lineId)}
        />
      )}
      {!card.pending && card.unconfirmed && onDiscardFigures && (
        <PendingQuestion
          i18n={i18n}
          lineName={name}
          figures={figuresText(card.unconfirmed, i18n)}
          known={figures}
          onConfirm={() => onConfirm(card.lineId)}
          onDiscard={() => onDiscardFigures(card.lineId)}
        />
      )}
      {card.extras.length > 0 && (
        <ul class="extras">
          {card.extras.map((extra) => (
            <li key={extra.bucket}>{labelled(i18n.t(BUCKET_KEYS[extra.bucket]), figuresText(extra, i18n), i18n)}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
