import { formatBytes } from '@/lib/format/bytes';
import { timeAgo } from '@/lib/format/time-ago';
import type { LineCardModel } from '@/lib/summary/card';
import { PendingQuestion } from './PendingQuestion';
import { UsageBar } from './UsageBar';

const BUCKET_LABELS: Record<LineCardModel['bucket'], string> = {
  data: 'Data',
  shared: 'Shared data',
  roaming: 'Roaming',
  local: 'Local data',
  bonus: 'Bonus data',
};

export interface LineActions {
  onConfirm: (lineId: number) => void;
  onDiscard: (lineId: number) => void;
}

interface LineCardProps extends LineActions {
  card: LineCardModel;
  now: number;
}

export function LineCard({ card, now, onConfirm, onDiscard }: LineCardProps) {
  const used = card.usedBytes === null ? '—' : formatBytes(card.usedBytes);
  const total = card.unlimited ? 'unlimited' : card.totalBytes === null ? '?' : formatBytes(card.totalBytes);
  const percentText = card.percent === null ? '' : `${Math.floor(card.percent)}%`;
  return (
    <article class={`line-card${card.pending ? ' is-pending' : ''}`} data-line-id={card.lineId} aria-label={card.name}>
      <header class="line-card-head">
        <span class="line-name">{card.name}</span>
        <span class="carrier">{card.carrierLabel}</span>
      </header>
      <p class="figures">
        <span class="used">{used}</span> <span class="of">of</span> <span class="total">{total}</span>
        {percentText && <span class={`percent level-${card.level}`}>{percentText}</span>}
      </p>
      {!card.unlimited && card.percent !== null && (
        <UsageBar percent={card.percent} level={card.level} label={`${BUCKET_LABELS[card.bucket]}: ${percentText} used`} />
      )}
      <p class="meta">
        <span>{BUCKET_LABELS[card.bucket]}</span> · <time dateTime={new Date(card.readAt).toISOString()}>read {timeAgo(card.readAt, now)}</time>
      </p>
      {card.pending && (
        <PendingQuestion
          lineName={card.name}
          figures={`${used} of ${total}`}
          onConfirm={() => onConfirm(card.lineId)}
          onDiscard={() => onDiscard(card.lineId)}
        />
      )}
      {card.extras.length > 0 && (
        <ul class="extras">
          {card.extras.map((extra) => (
            <li key={extra.bucket}>
              {BUCKET_LABELS[extra.bucket]}: {extra.usedBytes === null ? '—' : formatBytes(extra.usedBytes)} of{' '}
              {extra.unlimited ? 'unlimited' : extra.totalBytes === null ? '?' : formatBytes(extra.totalBytes)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
