// The compare view's chunk: loaded with `import()` when the user asks to compare lines.
import './views.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Compare } from '@/components/Compare';
import type { Trail } from '@/components/CompareChart';
import { cycleTrail } from '@/lib/detail/chart-data';
import { loadHistory } from '@/lib/db/history';
import type { Translator } from '@/lib/i18n/translator';
import type { LineCardModel } from '@/lib/status/card';
import { compareRows, type AdviceContext } from '@/lib/status/compare';
import { popupDb } from './db';

/** Each line's readings since its cycle began, as a trail; lines without known cycle bounds get none. */
async function loadTrails(cards: readonly LineCardModel[]): Promise<Map<number, Trail>> {
  const db = await popupDb();
  const entries = await Promise.all(
    cards.map(async (card) => {
      const start = card.outlook?.cycleStart ?? null;
      const end = card.outlook?.cycleEnd ?? null;
      if (start === null || end === null || card.unlimited) return null;
      const [line, readings] = await Promise.all([db.lines.get(card.lineId), loadHistory(db, card.lineId, card.bucket, start)]);
      return line ? ([card.lineId, cycleTrail(readings, line, { start, end })] as const) : null;
    }),
  );
  return new Map(entries.filter((e) => e !== null));
}

export interface CompareViewProps {
  i18n: Translator;
  cards: readonly LineCardModel[];
  now: number;
  onBack: () => void;
  onOpenLine: (lineId: number) => void;
  /** Where the user seems to be, so the advice never means roaming (see adviseLine). */
  advice?: AdviceContext;
}

export function CompareView({ i18n, cards, now, onBack, onOpenLine, advice }: CompareViewProps) {
  const rows = useMemo(() => compareRows(cards, now), [cards, now]);
  const [trails, setTrails] = useState<ReadonlyMap<number, Trail>>(new Map());
  useEffect(() => {
    let live = true;
    // The points come from the overview at once; the trails follow when the history is read.
    loadTrails(cards).then(
      (t) => live && setTrails(t),
      (e: unknown) => console.warn('[esim-usage-guard] compare trails unavailable', e),
    );
    return () => {
      live = false;
    };
  }, [cards]);
  return <Compare i18n={i18n} rows={rows} trails={trails} onBack={onBack} onOpenLine={onOpenLine} advice={advice} />;
}
