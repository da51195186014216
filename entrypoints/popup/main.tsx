import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { LineCard } from '@/components/LineCard';
import { Overview } from '@/components/Overview';
import { CARRIER_INFOS, carrierLabel } from '@/lib/carriers/lookup';
import { loadTranslator } from '@/lib/i18n/load';
import type { Translator } from '@/lib/i18n/translator';
import { activeTabStatus } from '@/lib/state/active-tab';
import { lazyModule } from '@/lib/state/lazy';
import { databaseReady } from './database-ready';
import { tabLines } from '@/lib/state/tab-order';
import { copyPageSample, sendUiAction } from '@/lib/state/popup-actions';
import { createCheckModel } from '@/lib/state/check-model';
import { createPopupModel } from '@/lib/state/popup-model';
import { sessionArea } from '@/lib/storage/session';
import { createRouter, routeHash, type Route } from '@/lib/state/route';
import { carrierNameIn, lineDisplayName } from '@/lib/wording/names';

const model = createPopupModel(browser.storage.local, activeTabStatus);
// The round of checks lives in storage.session: the popup may close while it runs.
const checkModel = createCheckModel(sessionArea());
const onCheckNow = () => void sendUiAction({ type: 'check-now' });
const router = createRouter(window);
// The detail and compare views (uPlot, Dexie, the analysis) are separate chunks: the first
// screen loads none of them (bench: popup_js_gzip_kb).
const detailChunk = lazyModule(() => import('./detail'));
const compareChunk = lazyModule(() => import('./compare'));

const onConfirm = (lineId: number) => void sendUiAction({ type: 'confirm-line', lineId });
const onDiscard = (lineId: number) => void sendUiAction({ type: 'discard-line', lineId });
const onDiscardFigures = (lineId: number) => void sendUiAction({ type: 'discard-unconfirmed', lineId });
const usageUrl = (carrierId: string) => CARRIER_INFOS.find((c) => c.id === carrierId)?.usageUrl ?? null;
const countryOf = (carrierId: string) => CARRIER_INFOS.find((c) => c.id === carrierId)?.country ?? null;

/**
 * Starts a line's detail before its view renders: the chunk, and (once it is there) the line's
 * readings and analysis, so neither waits for the view's first paint.
 */
function prefetchLine(lineId: number) {
  const card = model.cards.value?.find((c) => c.lineId === lineId);
  // The background's answer travels while the chunk loads (the detail's open waits for it).
  databaseReady().catch(() => undefined);
  void detailChunk.load().then((m) => card && m?.prefetchDetail(lineId, card.bucket, card.readAt));
}

function openLine(lineId: number) {
  // Read by the popup_chart benchmark: the detail was asked for.
  performance.mark('esim:detail-open');
  prefetchLine(lineId);
  router.go({ view: 'line', lineId });
}

// The intent to open a line, before its click: a pointer over a card or the focus on it fetches the
// detail's code; a pointer that rests on a card (as before a click), or a press on it (the click
// follows on release), starts reading and analysing that line as well.
const HOVER_INTENT_MS = 120;
const openableCard = (target: EventTarget | null) => (target instanceof Element && !target.closest('a, button') ? target.closest<HTMLElement>('.line-card.is-openable') : null);
const cardLineId = (card: HTMLElement | null) => Number(card?.dataset.lineId) || 0;
let hovered: { card: HTMLElement; timer: ReturnType<typeof setTimeout> } | null = null;
addEventListener(
  'pointerover',
  (e) => {
    const card = openableCard(e.target);
    if (card === hovered?.card) return;
    if (hovered) clearTimeout(hovered.timer);
    hovered = card && { card, timer: setTimeout(() => prefetchLine(cardLineId(card)), HOVER_INTENT_MS) };
    if (card) void detailChunk.load();
  },
  { passive: true },
);
addEventListener('pointerout', (e) => {
  // Out of the popup altogether.
  if (e.relatedTarget === null && hovered) {
    clearTimeout(hovered.timer);
    hovered = null;
  }
});
addEventListener('focusin', (e) => void (openableCard(e.target) && detailChunk.load()));
addEventListener(
  'pointerdown',
  (e) => {
    const lineId = e.button === 0 ? cardLineId(openableCard(e.target)) : 0;
    if (lineId > 0) prefetchLine(lineId);
  },
  { passive: true },
);

function App({ i18n }: { i18n: Translator }) {
  const shown = model.cards.value !== null;
  const route = router.route.value;
  const cards = model.cards.value;
  useEffect(() => {
    // Marks when the numbers are on screen (just after the frame that paints them): the
    // benchmark's popup_ready figure reads it.
    if (shown) requestAnimationFrame(() => setTimeout(() => performance.mark('esim:lines-shown')));
  }, [shown]);

  useEffect(() => {
    if (route.view === 'line') void detailChunk.load();
    if (route.view === 'compare') void compareChunk.load();
  }, [route.view]);
  useEffect(() => {
    // Once the numbers are painted, fetch the detail's code while the user reads them.
    if (shown) setTimeout(() => void detailChunk.load(), 300);
  }, [shown]);

  // Back on the overview, the focus returns to the card the user left from.
  const previous = useRef<Route>(route);
  useEffect(() => {
    const from = previous.current;
    previous.current = route;
    if (route.view !== 'overview' || from.view === 'overview') return;
    const selector = from.view === 'line' ? `.line-card[data-line-id="${from.lineId}"]` : '.compare-open';
    document.querySelector<HTMLElement>(selector)?.focus();
  }, [routeHash(route)]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && router.route.value.view !== 'overview') {
        e.preventDefault();
        router.back();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  if (route.view === 'line') {
    const card = cards?.find((c) => c.lineId === route.lineId) ?? null;
    const Detail = detailChunk.module.value?.DetailView;
    const missing = cards !== null && card === null;
    if (!Detail || missing) return <Pending i18n={i18n} error={detailChunk.error.value} missing={missing} />;
    return (
      <Detail i18n={i18n} lineId={route.lineId} title={card ? lineDisplayName(card, i18n) : i18n.t('loading')} bucket={card?.bucket ?? null} readAt={card?.readAt ?? null} onBack={router.back}>
        {card && <LineCard i18n={i18n} card={card} now={model.now.value} usageUrl={usageUrl(card.carrierId)} steps={cards && { cards, countryOf }} onConfirm={onConfirm} onDiscard={onDiscard} onDiscardFigures={onDiscardFigures} />}
      </Detail>
    );
  }
  if (route.view === 'compare') {
    const Compare = compareChunk.module.value?.CompareView;
    if (!Compare || cards === null) return <Pending i18n={i18n} error={compareChunk.error.value} missing={false} />;
    return <Compare i18n={i18n} cards={cards} now={model.now.value} onBack={router.back} onOpenLine={openLine} advice={{ tabLineIds: tabLines(model.tab.value), countryOf }} />;
  }
  return (
    <Overview
      i18n={i18n}
      cards={cards}
      tab={model.tab.value}
      now={model.now.value}
      error={model.error.value}
      carriers={CARRIER_INFOS}
      carrierLabel={(id) => carrierNameIn(id, carrierLabel(id), i18n)}
      onCopySample={copyPageSample}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onConfirm={onConfirm}
      onDiscard={onDiscard}
      onDiscardFigures={onDiscardFigures}
      onOpenLine={openLine}
      onCompare={() => router.go({ view: 'compare' })}
      checks={{ round: checkModel.round.value, onCheckNow }}
    />
  );
}

/** While a view's code arrives (or when a deep link names a line that is gone). */
function Pending({ i18n, error, missing }: { i18n: Translator; error: string | null; missing: boolean }) {
  return (
    <main>
      <p>
        <button type="button" class="back" onClick={router.back} aria-label={i18n.t('back_label')}>
          <span aria-hidden="true">← </span>
          {i18n.t('back')}
        </button>
      </p>
      {missing ? (
        <p class="tab-status tone-problem">{i18n.t('detail_missing')}</p>
      ) : error ? (
        <p class="tab-status tone-problem" role="alert">
          {i18n.t('detail_error', { error })}
        </p>
      ) : (
        <p class="loading">{i18n.t('loading')}</p>
      )}
    </main>
  );
}

// The language is known before the first render, so no string ever flashes in the wrong one.
void loadTranslator().then((i18n) => {
  document.documentElement.lang = i18n.locale;
  render(<App i18n={i18n} />, document.getElementById('app')!);
});
addEventListener('pagehide', () => {
  model.dispose();
  checkModel.dispose();
  router.dispose();
});
