/**
 * English days and times are written day-first with a 24-hour clock ("12 Dec", "Tue 23:47"), as
 * most of our travellers and carriers write them; every screen (popup, badge title,
 * notifications) goes through here, so they never disagree on how a time looks.
 */
export function dateLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale;
}

/** "12 Dec" / "12 dic" / "12月12日": a day the user recognises, in the UI language. */
export function formatDay(time: number, locale = 'en', timeZone?: string): string {
  return new Intl.DateTimeFormat(dateLocale(locale), { day: 'numeric', month: 'short', timeZone }).format(time);
}

/** "Tue 01:00" / "mar 01:00": when something happened this week. */
export function formatWhen(time: number, locale = 'en', timeZone?: string): string {
  return new Intl.DateTimeFormat(dateLocale(locale), { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(time);
}
