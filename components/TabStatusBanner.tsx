import { useState } from 'preact/hooks';
import type { ActiveTabStatus } from '@/lib/state/active-tab';

interface TabStatusBannerProps {
  status: ActiveTabStatus | null;
  carrierLabel: (id: string) => string;
  /** Copies a redacted sample of the page; resolves to whether it worked. */
  onCopySample: (tabId: number) => Promise<boolean>;
}

/** What happened on the carrier page in the active tab, in one sentence. */
export function TabStatusBanner({ status, carrierLabel, onCopySample }: TabStatusBannerProps) {
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
    <div class={`tab-status tone-${tone}`} role="status" data-state={state}>
      <p>{text[state]}</p>
      {state === 'layout-changed' && <CopySample onCopy={() => onCopySample(status.tabId)} />}
    </div>
  );
}

/** Lets the user send us the page's structure, without anything personal, so we can support it. */
function CopySample({ onCopy }: { onCopy: () => Promise<boolean> }) {
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <p class="copy-sample">
      <button type="button" onClick={() => void onCopy().then((ok) => setResult(ok ? 'copied' : 'failed'))}>
        Copy a redacted sample of this page
      </button>{' '}
      {result === 'copied' && <span>Copied. Numbers, e-mails and names are masked; nothing was sent. Paste it into a message to us.</span>}
      {result === 'failed' && <span>Could not copy the sample. Reload the page and try again.</span>}
    </p>
  );
}
