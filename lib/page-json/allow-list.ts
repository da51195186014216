/**
 * Which responses carry a carrier's usage figures (shared/CARRIERS.md). The MAIN-world script
 * passes on only bodies of these URLs; the carrier's isolated script checks its own list again, so
 * the page cannot widen it, and the background's message schema checks a third time, against the
 * list of the carrier the message speaks for. Anchored to the carrier's own https hosts. Free of imports (the
 * MAIN-world script bundles this file), and one constant per carrier, so each carrier's isolated
 * script carries only its own list.
 */
// Mi Telcel's API on the page's own origin: prepaid frame-consumos (2026), postpaid and older
// prepaid consumo/<number> (2016 onwards).
export const TELCEL_MX_JSON: readonly RegExp[] = [
  /^https:\/\/www\.mitelcel\.com\/mitelcel\/mitelcel-api-web\/api\/(?:prepago\/internet\/frame-consumos|(?:postpago|prepago)\/internet\/consumo\/\d{8,13})\/?(?:[?#]|$)/,
];
export const ENTEL_CL_JSON: readonly RegExp[] = [/^https:\/\/miportal\.entel\.cl\/restpp\/asset\/consumptionInfo\/?(?:[?#]|$)/];
// The usage query ends in cbs/usageQuery or indexUsageQuery; queryLoginInfo says signed in or not.
export const CMHK_JSON: readonly RegExp[] = [/^https:\/\/(?:[a-z0-9-]+\.)*hk\.chinamobile\.com\/(?:[^?#]*\/)?(?:cbs\/(?:index)?[uU]sageQuery|(?:cbs\/)?indexUsageQuery|queryLoginInfo)\/?(?:[?#]|$)/];
// Only the answer's shape (families[]) is known, not its path: any Orange/Sosh path about "conso".
export const ORANGE_FR_JSON: readonly RegExp[] = [/^https:\/\/(?:[a-z0-9-]+\.)*(?:orange|sosh)\.fr\/[^?#]*conso/i];

/** Every carrier's list, for the MAIN-world script. */
export const PAGE_JSON_URLS: Readonly<Record<string, readonly RegExp[]>> = {
  'telcel-mx': TELCEL_MX_JSON,
  'entel-cl': ENTEL_CL_JSON,
  cmhk: CMHK_JSON,
  'orange-fr': ORANGE_FR_JSON,
};

/** A carrier's list, or none for a carrier without a JSON reader (own keys only: ids come from messages). */
export function pageJsonUrlsOf(carrierId: string): readonly RegExp[] {
  return Object.prototype.hasOwnProperty.call(PAGE_JSON_URLS, carrierId) ? PAGE_JSON_URLS[carrierId]! : [];
}

export function isPageJsonUrl(patterns: readonly RegExp[], url: string): boolean {
  return url.length <= 2048 && patterns.some((pattern) => pattern.test(url));
}
