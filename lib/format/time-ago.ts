const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

/** "3 minutes ago" / "hace 3 minutos": how old a figure is, in the UI language. */
export function timeAgo(time: number, now: number, locale = 'en', justNow = 'just now'): string {
  let amount = Math.max(0, (now - time) / 1000);
  if (amount < 45) return justNow;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  for (const [unit, size] of STEPS) {
    if (amount < size) return format.format(-Math.round(amount), unit);
    amount /= size;
  }
  return format.format(-Math.round(amount), 'year');
}
