/**
 * A time of day as a list of quarter hours written "23:30" (a native time field shows the
 * browser's own clock, "11:30 PM", whatever language the user chose). Value "HH:MM"; a stored
 * time off the quarter hours is kept as an option of its own.
 */
const pad = (n: number) => String(n).padStart(2, '0');
export const QUARTER_HOURS: readonly string[] = Array.from({ length: 96 }, (_, i) => `${pad(Math.floor(i / 4))}:${pad((i % 4) * 15)}`);

interface TimeSelectProps {
  id: string;
  value: string;
  disabled?: boolean;
  describedBy?: string;
  onChange: (value: string) => void;
}

export function TimeSelect({ id, value, disabled, describedBy, onChange }: TimeSelectProps) {
  const options = QUARTER_HOURS.includes(value) || !/^\d{2}:\d{2}$/.test(value) ? QUARTER_HOURS : [...QUARTER_HOURS, value].sort();
  const pick = (e: Event) => onChange((e.currentTarget as HTMLSelectElement).value);
  return (
    <select id={id} value={value} disabled={disabled} aria-describedby={describedBy} onChange={pick} onInput={pick}>
      {options.map((t) => (
        <option key={t} value={t}>
          {t}
        </option>
      ))}
    </select>
  );
}
