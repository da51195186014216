import { findDate } from '../extract/dates';
import type { NumberLocale } from '../extract/numbers';
import type { PageText } from '../extract/text';
import { findAmounts } from '../extract/units';
import { isUnlimitedText } from '../extract/unlimited';
import { readFigures, type Figures } from '../reader/figures';
import { looksSignedOut, wordingNearAField } from '../reader/logged-out';
import { cardLineDigits, readOwnCards, unglue, plausible, explained } from '../reader/own-cards';
import { phraseTime } from '../reader/phrase-dates';
import { CMHK } from './catalog';
import { defineCarrier } from './types';
import { type Bucket, type PageReading } from '../vocabulary/reading';

/**
 * China Mobile Hong Kong: the "my-zone" usage query of www.hk.chinamobile.com, a Vue app in
 * Traditional (/tc/) and Simplified (/sc/) Chinese and English (/en/). Evidence: strong for the
 * Chinese labels and formats, weak for the English wording (see shared/CARRIERS.md).
 * Each number shows several buckets (plan, local, roaming, bonus data), each with its own
 * "60.00GB 餘量", "已用：0.00/60.00GB" (split over spans) and "失效日期：2026.10.06"; family plans
 * repeat that per number, and a shared pool adds "本號已用: X GB" (this number's share).
 * Decimal point, no space before the unit. 1 GB = 1024 MB: the portal's JSON reports usage in MB
 * and GB interchangeably in binary steps, as China Mobile's tariffs define them.
 */
const LABELS: Array<[RegExp, Bucket]> = [
  [/^(?:漫遊|漫游|內地|内地|中國內地|中国内地|澳門|澳门|roaming|mainland|macau)\s*(?:數據|数据|data)/i, 'roaming'],
  [/^(?:本地|香港|local)\s*(?:數據|数据|data)/i, 'local'],
  [/^(?:額外|额外|贈送|赠送|bonus|extra|additional|free)\s*(?:贈送|赠送|bonus)?\s*(?:數據|数据|data)/i, 'bonus'],
  [/^(?:共享|shared)\s*(?:數據|数据|data)/i, 'shared'],
  [/^(?:服務計劃|服务计划|套餐內|套餐内|計劃內|计划内|service plan|plan|data in package|package|in-plan)\s*(?:數據|数据|data)/i, 'data'],
];
// Voice, SMS and IDD buckets sit between data buckets: their "無限" is never a data bucket's.
const NOT_DATA = /^\s*(?:本地|漫遊|漫游|香港|local|roaming)?\s*(?:通話|通话|語音|语音|分鐘|分钟|短訊|短讯|短信|長途|长途|IDD|voice|calls?|minutes|sms|mms|talk\s*time)(?![A-Za-z])/i;
const ANCHOR = new RegExp(`^\\s*(?:${LABELS.map(([re]) => re.source.replace(/^\^/, '')).join('|')})`, 'i');
// "本號已用: 5.20GB" is this number's share of a pool; the pool's own figures are the reading.
const THIS_NUMBER_USED = /(?:本[號号](?:碼|码)?已(?:使)?用|used by this (?:number|line)|this number used)\s*[:：]?\s*\d+(?:[.,]\d+)?\s*[KMGT]?B/gi;
const USED_BEFORE = /(?:已用|已使用|used)\s*[:：]?\s*$/i;
const UNLIMITED_WORD = /無限|无限|不限|unlimited/i;
const EXPIRED = /已過期|已过期|\bexpired\b/i;
const EXPIRY = /(?:失效日期|到期日(?:期)?|有效期至|有效期|屆滿日期|届满日期|expiry date|expiry|expires(?: on)?|valid until|valid till)\s*[:：]?\s*([^\n]{0,24})/i;
const UPDATED = /(?:截至|更新時間|更新时间|數據更新至|数据更新至|as of|last updated(?: at| on)?)\s*[:：]?\s*([^\n]{0,32})/i;
const USAGE_PAGE = /已用|已使用|餘量|余量|用量查詢|用量查询|usage enquiry|remaining/i;
// "服務計劃：5G一咭三地計劃60GB", or a bare plan-like line that carries a figure ("5G一咭三地計劃60GB").
const PLAN_LABEL = /^(?:服務計劃|服务计划|計劃名稱|计划名称|計劃|计划|service plan|plan name|plan)\s*[:：]\s*(\S.{0,78})$/i;
const PLAN_LIKE = /^[^:：]{0,40}(?:計劃|计划|plan)[^:：]{0,24}$/i;

export default defineCarrier(CMHK, {
  read(page, url, context) {
    const { now, timeZone, locale, base, country } = context;
    const anchors = page.find(ANCHOR);
    const stops = page.find(NOT_DATA).filter((s) => !anchors.some((a) => page.contains(s, a) || page.contains(a, s)));
    const cards = readOwnCards(anchors, (text) => (EXPIRED.test(text) ? null : bucketFigures(text, locale, base)), page, stops);
    const read = cards.filter((c) => c.value !== null);
    if (read.length === 0) {
      if (looksSignedOut(page, wordingNearAField(url))) return { ok: false, reason: 'logged-out', detail: 'sign-in form' };
      const usagePage = /usage/i.test(url.pathname) || USAGE_PAGE.test(page.text);
      return anchors.length > 0 && usagePage
        ? { ok: false, reason: 'layout-changed', detail: 'labels without figures' }
        : { ok: false, reason: 'not-usage-page', detail: 'no usage bucket' };
    }
    const single = read.length === 1;
    const readings = read.map(({ anchor, element, text, value }): PageReading => {
      let bucket = LABELS.find(([re]) => re.test(page.of(anchor)))?.[1] ?? 'data';
      THIS_NUMBER_USED.lastIndex = 0;
      if (bucket === 'data' && THIS_NUMBER_USED.test(text)) bucket = 'shared';
      return {
        lineDigits: cardLineDigits(element, page, country),
        planName: planName(element, page),
        bucket,
        ...value!,
        periodEnd: expiry(text, now, timeZone) ?? (single ? expiry(page.text, now, timeZone) : null),
        // 失效日期 / "Expiry date" is when the bucket stops being valid: worth a reminder.
        periodEndKind: 'expiry',
        pageSaysUpdatedAt: phraseTime(text, UPDATED, context) ?? phraseTime(page.text, UPDATED, context),
      };
    });
    return { ok: true, readings };
  },
});

function bucketFigures(raw: string, locale: NumberLocale, base: 1000 | 1024): Figures | null {
  const text = unglue(raw).replace(THIS_NUMBER_USED, ' ');
  const figures = plausible(readFigures(text, locale, base));
  // CMHK always writes the total ("已用：x/60.00GB", "總量"); a derived one means a broken card.
  if (figures) return explained(figures, text, locale, base, true) ? figures : null;
  // Unlimited buckets show "無限" where the remaining figure would be (before what was used, or on
  // its line), and only what was used. Written after it, the word is the next bucket's (voice).
  if (!isUnlimitedText(text)) return null;
  const used = findAmounts(text, locale, base).filter((a) => USED_BEFORE.test(text.slice(0, a.index)));
  if (used.length !== 1) return null;
  const word = UNLIMITED_WORD.exec(text);
  const lineEnd = text.indexOf('\n', used[0]!.index);
  if (!word || word.index > (lineEnd < 0 ? text.length : lineEnd)) return null;
  return { usedBytes: used[0]!.bytes, totalBytes: null, unlimited: true, remainingBytes: null };
}

function expiry(text: string, now: number, timeZone?: string): number | null {
  const m = EXPIRY.exec(text);
  return m ? findDate(m[1] ?? '', { now, timeZone, direction: 'future' }) : null;
}

/** The plan name of the number a card belongs to ("5G一咭三地計劃60GB"), never a bucket label. */
function planName(card: Element, page: PageText): string | null {
  for (let el: Element | null = card, level = 0; el && level < 8; el = page.parent(el), level++) {
    const lines = page.of(el).split('\n');
    const labelled = lines.map((line) => PLAN_LABEL.exec(line)?.[1]).filter((n): n is string => !!n);
    // An unlabelled line counts only if it reads like a name, not a sentence or an offer.
    const names = new Set(labelled.length > 0 ? labelled : lines.filter((l) => PLAN_LIKE.test(l) && /\d/.test(l) && !/[，。！!,]|低至|from/i.test(l)));
    for (const name of names) if (ANCHOR.test(name) || /已用|已使用|餘量|余量|失效|到期|expiry|used|remaining/i.test(name)) names.delete(name);
    if (names.size > 0) return names.size === 1 ? [...names][0]!.slice(0, 80) : null;
  }
  return null;
}

// Portal URLs: https://www.hk.chinamobile.com/tc/home/my-zone/menu/usage-query (also /sc/…, /en/…)
