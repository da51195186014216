import type { Translator } from '@/lib/i18n/translator';
import type { ActiveTabStatus } from '@/lib/state/active-tab';
import type { LineCardModel } from '@/lib/status/card';
import { tabFirst, tabLines } from '@/lib/state/tab-order';
import { lineCheckState } from '@/lib/checks/line-state';
import type { CheckRound } from '@/lib/checks/state';
import { MANUAL_CARRIER_ID } from '@/lib/vocabulary/reading';
import { CheckNow } from './CheckNow';
import { EmptyState, type CarrierLink } from './EmptyState';
import { LineCard, type LineActions } from './LineCard';
import { TabStatusBanner } from './TabStatusBanner';

export interface OverviewProps extends LineActions {
  i18n: Translator;
  cards: LineCardModel[] | null;
  tab: ActiveTabStatus | null;
  now: number;
  error: string | null;
  carriers: readonly CarrierLink[];
  carrierLabel: (id: string) => string;
  onCopySample: (tabId: number) => Promise<boolean>;
  /** Opens the options page in a tab (browser.runtime.openOptionsPage). */
  onOpenOptions?: () => void;
  /** Opens a line's detail; without it the cards are not interactive. */
  onOpenLine?: (lineId: number) => void;
  /** Opens the compare view (offered from two lines on). */
  onCompare?: () => void;
  /** "Check now" and the round it started (lib/checks); offered when a line was read from a carrier page. */
  checks?: { round: CheckRound | null; onCheckNow: () => void };
}

/** The popup's first screen: the active tab's status, then one card per line, worst first. */
export function Overview({ i18n, cards, tab, now, error, carriers, carrierLabel, onCopySample, onConfirm, onDiscard, onDiscardFigures, onOpenLine, onCompare, onOpenOptions, checks }: OverviewProps) {
  const usageUrl = (id: string) => carriers.find((c) => c.id === id)?.usageUrl ?? null;
  // The carrier page in the active tab is what the user came to check: its lines lead.
  const fromTab = tabLines(tab);
  const shown = cards && tabFirst(cards, fromTab);
  // The warnings' next steps may name another line of the same country (never one abroad: roaming).
  const steps = cards && { cards, countryOf: (id: string) => carriers.find((c) => c.id === id)?.country ?? null };
  return (
    <main class="overview">
      <header class="popup-head">
        <h1 class="app-title">{i18n.t('app_title')}</h1>
        {checks && cards?.some((c) => c.carrierId !== MANUAL_CARRIER_ID) && <CheckNow i18n={i18n} round={checks.round} onCheckNow={checks.onCheckNow} />}
        {onOpenOptions && (
          <button type="button" class="options-open" onClick={onOpenOptions}>
            {i18n.t('open_options')}
          </button>
        )}
      </header>
      <TabStatusBanner i18n={i18n} status={tab} carrierLabel={carrierLabel} onCopySample={onCopySample} />
      {error && (
        <p class="tab-status tone-problem" role="alert">
          {i18n.t('storage_error', { error })}
        </p>
      )}
      {cards === null && !error && <p class="loading">{i18n.t('loading')}</p>}
      {cards !== null && cards.length === 0 && <EmptyState i18n={i18n} carriers={carriers} onOpenOptions={onOpenOptions} />}
      {shown !== null && shown.length > 0 && (
        <section class="cards" aria-label={i18n.t('your_lines')}>
          {shown.map((card) => (
            <LineCard
              key={card.lineId}
              i18n={i18n}
              card={card}
              now={now}
              usageUrl={usageUrl(card.carrierId)}
              onConfirm={onConfirm}
              onDiscard={onDiscard}
              onDiscardFigures={onDiscardFigures}
              onOpen={onOpenLine}
              fromTab={fromTab.includes(card.lineId)}
              check={checks ? lineCheckState(checks.round, card.lineId, now) : null}
              steps={steps}
            />
          ))}
        </section>
      )}
      {shown !== null && shown.length >= 2 && onCompare && (
        <p class="view-links">
          <button type="button" class="compare-open" onClick={onCompare}>
            {i18n.t('compare_open')}
          </button>
        </p>
      )}
    </main>
  );
}
