// The line detail's chunk: loaded with `import()` once the overview's numbers are on screen.
import 'uplot/dist/uPlot.min.css';
import './views.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LineDetail, type DetailState } from '@/components/LineDetail';
import { TrendChart } from '@/components/TrendChart';
import type { Bucket } from '@/lib/vocabulary/reading';
import type { ChartRange } from '@/lib/detail/chart-data';
import { extendToYear, leakSensitivityOf, loadLineDetail } from '@/lib/detail/load';
import { createPrefetcher } from '@/lib/detail/prefetch';
import type { Translator } from '@/lib/i18n/translator';
import { SETTINGS_KEY } from '@/lib/storage/keys';
import { popupDb } from './db';

async function loadDetail(lineId: number, bucket: Bucket) {
  const [db, stored] = await Promise.all([popupDb(), browser.storage.local.get(SETTINGS_KEY)]);
  const now = Date.now();
  const data = await loadLineDetail(db, lineId, bucket, {
    now,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    leakSensitivity: leakSensitivityOf(stored[SETTINGS_KEY]),
  });
  return { data, now };
}

/** A load started before its view mounts (a hover, a press) is used only by a view that opens within this time. */
const PREFETCH_FRESH_MS = 10_000;
type DetailKey = { lineId: number; bucket: Bucket; readAt: number | null };
const loads = createPrefetcher(({ lineId, bucket }: DetailKey) => loadDetail(lineId, bucket), {
  freshMs: PREFETCH_FRESH_MS,
  // A new reading of the line is a new load.
  keyOf: ({ lineId, bucket, readAt }) => `${lineId}:${bucket}:${readAt}`,
});

/** Starts reading and analysing a line's detail before its view renders (see lib/detail/prefetch). */
export function prefetchDetail(lineId: number, bucket: Bucket, readAt: number | null): void {
  loads.prefetch({ lineId, bucket, readAt });
}

export interface DetailViewProps {
  i18n: Translator;
  lineId: number;
  title: string;
  /** The bucket the card shows; null while the overview is not loaded yet (a deep link). */
  bucket: Bucket | null;
  /** Changes when a new reading of the line arrives, so the chart follows. */
  readAt: number | null;
  onBack: () => void;
  children?: ComponentChildren;
}

export function DetailView({ i18n, lineId, title, bucket, readAt, onBack, children }: DetailViewProps) {
  const [state, setState] = useState<DetailState>({ status: 'loading' });
  const [range, setRange] = useState<ChartRange>('90d');
  useEffect(() => {
    if (bucket === null) return;
    let live = true;
    const failed = (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    loads.take({ lineId, bucket, readAt }).then(({ data, now }) => {
      if (!live) return;
      setState(data ? { status: 'ready', data, now, year: null } : { status: 'missing' });
      // The rest of the year, for the "1 year" view, once the first chart's frame is out: its rows
      // are not unpacked while that frame is being made.
      if (data) {
        requestAnimationFrame(() =>
          setTimeout(() => {
            if (!live) return;
            void popupDb()
              .then((db) => extendToYear(db, data, { now }))
              .then((year) => live && setState({ status: 'ready', data, now, year }), failed);
          }),
        );
      }
    }, failed);
    return () => {
      live = false;
    };
  }, [lineId, bucket, readAt]);
  return (
    <LineDetail
      i18n={i18n}
      title={title}
      state={state}
      range={range}
      onRange={setRange}
      onBack={onBack}
      chart={TrendChart}
      // Read by the popup_chart benchmark: the chart is on screen.
      onChartDrawn={() => performance.mark('esim:chart-drawn')}
    >
      {children}
    </LineDetail>
  );
}
