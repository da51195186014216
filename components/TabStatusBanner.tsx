import type { ActiveTabStatus } from '@/lib/state/active-tab';

interface TabStatusBannerProps {
  status: ActiveTabStatus | null;
  carrierLabel: (id: string) => string;
}

/** What happened on the carrier page in the active tab, in one sentence. */
export function TabStatusBanner({ status, carrierLabel }: TabStatusBannerProps) {
  if (!status || status.kind === 'not-carrier') return null;
  if (status.kind === 'needs-reload') {
    return (
      <p class="tab-status tone-info" role="status">
        {carrierLabel(status.carrierId)}: reload this page so its usage can be read.
      </p>
    );
  }
  const { state, lines, carrierId } = status.status;
  const carrier = carrierLabel(carrierId);
  const text: Record<typeof state, string> = {
    waiting: `${carrier}: looking for usage figures on this page…`,
    read: `${carrier}: read ${lines} ${lines === 1 ? 'line' : 'lines'} from this page.`,
    unchanged: `${carrier}: read ${lines} ${lines === 1 ? 'line' : 'lines'} from this page — no change since the last reading.`,
    'not-usage-page': `${carrier}: this is not a usage page. Open the page that shows your data usage.`,
    'logged-out': `${carrier}: you are signed out. Sign in on this page to see your usage.`,
    'layout-changed': `${carrier}: page layout not recognised — nothing was saved.`,
    rejected: `${carrier}: the figures on this page looked wrong, so nothing was saved.`,
  };
  const tone = state === 'read' || state === 'unchanged' ? 'ok' : state === 'layout-changed' || state === 'rejected' ? 'problem' : 'info';
  return (
    <p class={`tab-status tone-${tone}`} role="status" data-state={state}>
      {text[state]}
    </p>
  );
}
