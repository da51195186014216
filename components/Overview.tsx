import type { LineCardModel } from '@/lib/summary/card';
import type { ActiveTabStatus } from '@/lib/state/active-tab';
import { EmptyState, type CarrierLink } from './EmptyState';
import { LineCard, type LineActions } from './LineCard';
import { TabStatusBanner } from './TabStatusBanner';

export interface OverviewProps extends LineActions {
  cards: LineCardModel[] | null;
  tab: ActiveTabStatus | null;
  now: number;
  error: string | null;
  carriers: readonly CarrierLink[];
  carrierLabel: (id: string) => string;
  onCopySample: (tabId: number) => Promise<boolean>;
}

/** The popup's first screen: the active tab's status, then one card per line, worst first. */
export function Overview({ cards, tab, now, error, carriers, carrierLabel, onCopySample, onConfirm, onDiscard }: OverviewProps) {
  return (
    <main class="overview">
      <h1 class="app-title">eSIM Usage Guard</h1>
      <TabStatusBanner status={tab} carrierLabel={carrierLabel} onCopySample={onCopySample} />
      {error && (
        <p class="tab-status tone-problem" role="alert">
          Your saved readings could not be opened: {error}
        </p>
      )}
      {cards === null && !error && <p class="loading">Loading…</p>}
      {cards !== null && cards.length === 0 && <EmptyState carriers={carriers} />}
      {cards !== null && cards.length > 0 && (
        <section class="cards" aria-label="Your lines">
          {cards.map((card) => (
            <LineCard key={card.lineId} card={card} now={now} onConfirm={onConfirm} onDiscard={onDiscard} />
          ))}
        </section>
      )}
    </main>
  );
}
