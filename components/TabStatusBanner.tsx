import { useEffect, useState } from 'preact/hooks';
import type { MessageKey, Translator } from '@/lib/i18n/translator';
import type { PageState } from '@/lib/messages/page-status';
import type { ActiveTabStatus } from '@/lib/state/active-tab';
import { SUPPORT_URL } from '@/lib/wording/support';

/**
 * After this long still "looking", the banner says what is going on: the page watcher waits up to
 * 90 s for figures to appear before it calls a layout unknown, which is too long to say nothing.
 */
export const WAITING_LONG_MS = 6_000;

interface TabStatusBannerProps {
  i18n: Translator;
  status: ActiveTabStatus | null;
  carrierLabel: (id: string) => string;
  /** Copies a redacted sample of the page; resolves to whether it worked. */
  onCopySample: (tabId: number) => Promise<boolean>;
}

const SINGLE: Partial<Record<PageState, MessageKey>> = {
  waiting: 'tab_waiting',
  'not-usage-page': 'tab_not_usage',
  'logged-out': 'tab_logged_out',
  'layout-changed': 'tab_layout_changed',
  rejected: 'tab_rejected',
};

/** What happened on the carrier page in the active tab, in one sentence. */
export function TabStatusBanner({ i18n, status, carrierLabel, onCopySample }: TabStatusBannerProps) {
  if (!status || status.kind === 'not-carrier') return null;
  if (status.kind === 'needs-reload') {
    return (
      <div class="tab-status tone-info" role="status">
        <p>{i18n.t('tab_reload', { carrier: carrierLabel(status.carrierId) })}</p>
      </div>
    );
  }
  return <CarrierStatus i18n={i18n} status={status} carrierLabel={carrierLabel} onCopySample={onCopySample} />;
}

function CarrierStatus({ i18n, status, carrierLabel, onCopySample }: Omit<TabStatusBannerProps, 'status'> & { status: Extract<ActiveTabStatus, { kind: 'carrier' }> }) {
  const { state, lines, carrierId } = status.status;
  const carrier = carrierLabel(carrierId);
  const [long, setLong] = useState(false);
  useEffect(() => {
    if (state !== 'waiting') return;
    const timer = setTimeout(() => setLong(true), WAITING_LONG_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const single = state === 'waiting' && long ? 'tab_waiting_long' : SINGLE[state];
  const text = single ? i18n.t(single, { carrier }) : i18n.plural(state === 'read' ? 'tab_read' : 'tab_unchanged', lines, { carrier });
  const tone = state === 'read' || state === 'unchanged' ? 'ok' : state === 'layout-changed' || state === 'rejected' ? 'problem' : 'info';
  return (
    <div class={`tab-status tone-${tone}`} role="status" data-state={state}>
      <p>{text}</p>
      {state === 'layout-changed' && <CopySample i18n={i18n} onCopy={() => onCopySample(status.tabId)} />}
    </div>
  );
}

/** Lets the user send us the page's structure, without anything personal, so we can support it. */
function CopySample({ i18n, onCopy }: { i18n: Translator; onCopy: () => Promise<boolean> }) {
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <p class="copy-sample">
      <button type="button" onClick={() => void onCopy().then((ok) => setResult(ok ? 'copied' : 'failed'))}>
        {i18n.t('copy_sample')}
      </button>{' '}
      {result === 'copied' && <span>{i18n.t('copy_sample_done')}</span>}
      {result === 'failed' && <span>{i18n.t('copy_sample_failed')}</span>}
      {/* How to send it: a link the user follows (the extension sends nothing itself). */}
      <span class="send-how">
        {' '}
        {i18n.t('send_sample_how')}{' '}
        <a href={SUPPORT_URL} target="_blank" rel="noreferrer">
          {new URL(SUPPORT_URL).host + new URL(SUPPORT_URL).pathname}
        </a>
      </span>
    </p>
  );
}
