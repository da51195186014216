import type { Level } from '@/lib/status/level';

interface UsageBarProps {
  percent: number | null;
  level: Level;
  label: string;
}

/** A gauge with its number spoken: colour is never the only signal. */
export function UsageBar({ percent, level, label }: UsageBarProps) {
  const shown = percent === null ? 0 : Math.min(100, percent);
  return (
    <div
      class={`usage-bar level-${level}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent === null ? undefined : Math.round(shown)}
    >
      <div class="usage-bar-fill" style={{ width: `${shown}%` }} />
    </div>
  );
}
