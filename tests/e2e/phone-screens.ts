/**
 * What the phone-width test shows and measures, for either browser. Everything that runs inside
 * an extension page is a plain function turned into a string expression by `inPage`, so the same
 * code goes through Playwright (Chromium) and puppeteer (Firefox) alike.
 */

import { inPage } from './in-page';

export const PHONE = { width: 360, height: 740 };
export const LANGUAGES = ['en', 'es', 'fr', 'zh-CN', 'zh-HK'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** The carrier page left open in the tab beside the popup: its line gets the "this tab" tag. */
export const TAB_PAGE = { url: 'https://www.hk.chinamobile.com/en/home/my-zone/menu/usage-query', fixture: 'cmhk/2026-11-20-en-table' };

/**
 * A backup of five lines with two weeks of history, built in the page relative to the browser's
 * own clock and imported through the `import-backup` UI action (as the options page does). The
 * lines are chosen to be hard to fit: a long carrier name, a plan name as the line's name, a
 * long label, a line running out (a warning on its card), a night of unusual use, a line kept by
 * hand, a hidden one.
 */
export async function seedPhoneData(): Promise<{ ok: boolean; counts?: unknown; error?: string }> {
  const GB = 1024 ** 3;
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const now = Date.now();
  const lines = [
    { id: 1, carrierId: 'movistar-es', lineKey: 'movistar-es:0078', lineDigits: '0078', planName: null, label: null, color: '#0969da', hidden: false },
    { id: 2, carrierId: 'orange-fr', lineKey: 'orange-fr:plan:Mobicarte Pass 5G 10 Go', lineDigits: null, planName: 'Mobicarte Pass 5G 10 Go', label: null, color: '#bc4c00', hidden: false },
    { id: 3, carrierId: 'cmhk', lineKey: 'cmhk:0056', lineDigits: '0056', planName: '5G 1-Card-3-Region Plan 20GB', label: 'Travel eSIM — Hong Kong & Macau', color: '#1a7f37', hidden: false },
    { id: 4, carrierId: 'manual', lineKey: 'manual:plan:Holiday eSIM', lineDigits: null, planName: 'Holiday eSIM', label: 'Holiday eSIM', color: null, hidden: false },
    { id: 5, carrierId: 'entel-cl', lineKey: 'entel-cl:0091', lineDigits: '0091', planName: null, label: null, color: '#8250df', hidden: true },
  ].map((line) => ({ ...line, pendingConfirmation: false, createdAt: now - 40 * DAY }));
  // Per line: cap, GB a day, and whether last night something used 1 GB in a few hours.
  const plans: Record<number, { totalGb: number; perDay: number; leak: boolean; source: 'page' | 'manual' }> = {
    1: { totalGb: 20, perDay: 1.3, leak: false, source: 'page' },
    2: { totalGb: 10, perDay: 0.25, leak: false, source: 'page' },
    3: { totalGb: 20, perDay: 0.35, leak: true, source: 'page' },
    4: { totalGb: 5, perDay: 0.1, leak: false, source: 'manual' },
    5: { totalGb: 30, perDay: 0.5, leak: false, source: 'page' },
  };
  // Every cycle began 14 days ago and renews in 16: the same picture whatever today is.
  const cycleStart = now - 14 * DAY;
  const periodEnd = now + 16 * DAY;
  const readings = [];
  for (const line of lines) {
    const plan = plans[line.id]!;
    let used = 0;
    for (let t = cycleStart + HOUR; t < now - HOUR; t += 3 * HOUR) {
      const hour = new Date(t).getHours();
      const leaking = plan.leak && now - t < 30 * HOUR && now - t > 22 * HOUR;
      used += (plan.perDay / 8) * GB * (hour >= 18 ? 1.5 : hour < 7 ? 0.3 : 1) + (leaking ? 0.4 * GB : 0);
      if (line.id === 4 && (t - cycleStart) % DAY >= 3 * HOUR) continue; // typed in once a day
      const usedBytes = Math.min(Math.round(used), plan.totalGb * GB);
      readings.push({
        lineId: line.id, bucket: 'data', capturedAt: t, confirmedAt: t, usedBytes, totalBytes: plan.totalGb * GB, unlimited: false,
        remainingBytes: plan.totalGb * GB - usedBytes, periodEnd: line.id === 4 ? null : periodEnd, pageSaysUpdatedAt: null,
        overage: false, source: plan.source, generic: false,
      });
    }
  }
  const text = JSON.stringify({ format: 'esim-usage-guard-backup', version: 1, exportedAt: now, lines, readings });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  return api.runtime.sendMessage({ type: 'import-backup', text, apply: true });
}

/** Saves the UI language through the background, as the options page's language picker does. */
export async function saveLanguage(language: string): Promise<boolean> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  const stored = (await api.storage.local.get('settings')).settings ?? {};
  const settings = {
    thresholds: [50, 80, 90, 100], leakSensitivity: 'normal', quietHours: { enabled: false, start: '22:00', end: '08:00' },
    staleReadingDays: null, scheduledChecks: { enabled: false, everyHours: 12 }, ...stored, language,
  };
  const reply = await api.runtime.sendMessage({ type: 'save-settings', settings });
  return reply?.ok === true;
}

export interface Screen {
  name: string;
  /** The page and hash to open. */
  path: string;
  /** A CSS selector that exists once the screen shows its real content. */
  ready: string;
  /** Brings the screen into the state to measure (opens a question, previews a file). */
  prepare?: string;
  /** Another width than the phone's: the options page in a desktop tab. */
  width?: number;
}

/** Opens the delete question of the first line and previews a backup file: the options page's widest states. */
export function openOptionsQuestions(): boolean {
  const remove = document.querySelector<HTMLButtonElement>('.lines-table td.actions button');
  remove?.click();
  const input = document.querySelector<HTMLInputElement>('#import-file');
  if (!input) return false;
  const transfer = new DataTransfer();
  const backup = { format: 'esim-usage-guard-backup', version: 1, exportedAt: Date.now(), lines: [], readings: [] };
  transfer.items.add(new File([JSON.stringify(backup)], 'esim-usage-guard-backup-with-a-long-file-name.json', { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return remove !== null;
}

export const EMPTY_SCREEN: Screen = { name: 'empty', path: 'popup.html', ready: '.empty .carrier-list li' };

export function dataScreens(detailLineId: number): Screen[] {
  return [
    { name: 'overview', path: 'popup.html', ready: '.line-card.from-tab ~ .line-card .warning' },
    { name: 'detail', path: `popup.html#line=${detailLineId}`, ready: '.trend-chart canvas' },
    { name: 'compare', path: 'popup.html#compare', ready: '.compare-table tbody tr:nth-child(4)' },
    { name: 'options', path: 'options.html', ready: '.lines-table tbody tr:nth-child(6)' },
    { name: 'options-questions', path: 'options.html', ready: '.lines-table .confirm-text', prepare: inPage(openOptionsQuestions, null) },
    // Desktop tabs: the lines in columns (800), then a table again (1024); Delete must never hide past the edge.
    { name: 'options-800', path: 'options.html', ready: '.lines-table .confirm-text', width: 800 },
    { name: 'options-1024', path: 'options.html', ready: '.lines-table .confirm-text', width: 1024 },
  ];
}

/** Whether the page shows `selector` in `lang`, its language set on <html> by the page itself. */
export function screenReady({ selector, lang, hash }: { selector: string; lang: string; hash: string }): boolean {
  return document.readyState === 'complete' && document.documentElement.lang === lang && location.hash === hash && document.querySelector(selector) !== null;
}

export interface Measure {
  scrollWidth: number;
  clientWidth: number;
  /** Elements reaching past the right edge of the page (what makes it scroll). */
  offenders: string[];
  /** Elements with a horizontal scrollbar of their own. */
  scrollers: string[];
  /** Short labels (buttons, tags, carrier names) broken over two lines or cut off. */
  broken: string[];
}

/** Measures the page as it is: everything here must come back empty for a phone-width screen. */
export function measurePage(): Measure {
  const root = document.documentElement;
  const describe = (el: Element) => {
    const classes = [...el.classList].slice(0, 2).map((c) => `.${c}`).join('');
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes} "${text}"`;
  };
  // An element clipped by a scroller counts once, as that scroller. Only ancestors that contain
  // it clip it: an absolutely positioned box escapes every static ancestor's overflow.
  const clippedByAncestor = (el: Element) => {
    let absolute = getComputedStyle(el).position === 'absolute';
    if (getComputedStyle(el).position === 'fixed') return false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      const positioned = style.position !== 'static' || style.transform !== 'none';
      if (absolute && !positioned) continue;
      if (style.overflowX !== 'visible') return true;
      absolute = style.position === 'absolute';
    }
    return false;
  };
  const offenders: string[] = [];
  const scrollers: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.right > root.clientWidth + 0.5 && !clippedByAncestor(el)) offenders.push(`${describe(el)} right=${Math.round(rect.right)}`);
    const style = getComputedStyle(el);
    if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      const edge = el.getBoundingClientRect().right;
      const beyond = [...el.querySelectorAll('*')].filter((child) => child.getBoundingClientRect().right > edge + 0.5);
      const past = beyond.filter((child) => !beyond.some((other) => other !== child && child.contains(other)));
      scrollers.push(`${describe(el)} ${el.scrollWidth}>${el.clientWidth}, past its edge: ${past.slice(0, 3).map(describe).join(', ')}`);
    }
  }
  // Lines of text of an element: rects that do not overlap vertically start a new line.
  const lineCount = (el: Element) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = -Infinity;
    for (const r of rects) {
      if (r.top >= bottom - 1) lines++;
      bottom = Math.max(bottom, r.bottom);
    }
    return lines;
  };
  const broken: string[] = [];
  for (const el of document.querySelectorAll('button:not(.link), .tab-tag, .line-card-head .carrier, .toc a, .lines-table .meta')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0) continue;
    if (lineCount(el) > 1) broken.push(`${describe(el)} wraps`);
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') broken.push(`${describe(el)} is cut off`);
  }
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders, scrollers, broken };
}
