/** "12 Dec" / "12 dic" / "12月12日": a day the user recognises, in the UI language. */
export function formatDay(time: number, locale = 'en', timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(time);
}

/** "Tue 01:00" / "mar 01:00": when something happened this week. */
export function formatWhen(time: number, locale = 'en', timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(time);
}
