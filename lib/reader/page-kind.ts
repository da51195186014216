/**
 * What kind of page this is, before any adapter reads it: carrier hosts also serve a community
 * forum, help centre and articles, where a stranger's "Il vous reste 2 Go sur 100 Go" must never
 * become the user's line; and a dashboard behind a blocking "session expired" dialog shows stale
 * figures, so it means signed out, never a reading.
 */
import type { PageText } from '../extract/text';
import type { ParseResult } from '../vocabulary/reading';
import { isPasswordField, saysSignIn } from './logged-out';
import { anyOf, CATALAN, CHINESE, FRENCH, SPANISH } from '../extract/page-languages';

// Forum, help and article pages: words of their path segments, hash routes, first host label
// and breadcrumb trails.
const HELP = 'forum|foro|communaut|community|comunidad|ayuda|aide|help|faq|preguntas.frecuentes|articles?|art[íi]culos?|blog|soporte|support|assistance|thread|topic|discussion|t5';
const OTHER = new RegExp(`^(?:${HELP})[es]{0,2}$`, 'i');
const HELP_CRUMB = new RegExp(HELP, 'i');
// What a forum post or thread shows around its text: its byline and a reply button (two of them).
const POST_MARKS = new RegExp(
  anyOf(
    SPANISH && 'publicad[oa]\\s+(?:el|por)',
    'posted\\s+by',
    `(?<![\\p{L}])(?:${anyOf(FRENCH && 'r[ée]pondre', SPANISH && 'responder', 'reply')})(?![\\p{L}])`,
    FRENCH && 'post[ée]e?\\s+par|publi[ée]e?\\s+(?:le|par)',
    CHINESE && '發表於|发表于|回覆|回复',
  ),
  'giu',
);

// Each structure is looked for only when the page's text holds the words it would be judged by:
// queries over every tree of a 3,000-element page were a tenth of a parse.
const CRUMBS = 'nav, .breadcrumb, .breadcrumbs';
const DIALOGS = 'dialog, [role$="dialog"], [aria-modal], .modal, .overlay, .lightbox';
const CRUMB_NAME = /breadcrumb|fil d['’]ariane|migas|ruta de navegaci/i;
const POST_TYPE = /Posting|QAPage|FAQPage|\/Article|\/Question/i;
const DIALOG = /^(?:dialog|alertdialog)$/i;
const OVERLAY_CLASS = /(?:^|\s)(?:modal|overlay|lightbox)(?:\s|$)/;

/** Breadcrumb trails: a breadcrumb class, or a nav named as one. */
function crumbs(page: PageText): Element[] {
  return page.select(CRUMBS).filter((el) => /breadcrumb/i.test(el.getAttribute('class') ?? '') || (el.localName === 'nav' && CRUMB_NAME.test(el.getAttribute('aria-label') ?? '')));
}

/** Elements typed as a post, a Q&A or an article (schema.org microdata). */
function posts(page: PageText): Element[] {
  return page.select('[itemtype]').filter((el) => POST_TYPE.test(el.getAttribute('itemtype') ?? ''));
}

/** Dialogs and overlays. */
function dialogs(page: PageText): Element[] {
  return page.select(DIALOGS).filter(
    (el) => el.localName === 'dialog' || DIALOG.test(el.getAttribute('role') ?? '') || el.getAttribute('aria-modal') === 'true' || OVERLAY_CLASS.test(el.getAttribute('class') ?? ''),
  );
}

/** Why this is not a usage page (a forum, help or article page), or null when it may be one. */
function notUsagePage(url: URL, page: PageText): string | null {
  const route = `${url.hostname.split('.')[0]}/${url.pathname}/${url.hash.replace(/^#!?/, '')}`;
  if (route.split(/[/?&=]+/).some((segment) => OTHER.test(segment))) return 'forum or help page (address)';
  // A trail's text is part of the page's: no help word on the page, no help trail.
  if (HELP_CRUMB.test(page.text) && crumbs(page).some((trail) => HELP_CRUMB.test(page.of(trail)))) return 'forum or help page (breadcrumbs)';
  if (posts(page).length > 0) return 'forum or help page (post layout)';
  return new Set(page.text.match(POST_MARKS)?.map((m) => m.slice(0, 3).toLowerCase())).size >= 2 ? 'forum or help page (post layout)' : null;
}

// "Your session has expired", in the portals' languages (Catalan too: Movistar Spain).
const EXPIRED = new RegExp(
  anyOf(
    'sess?i[óo]n?\\s+(?:ha\\s+|a\\s+|has\\s+)?(?:expir|caduc|finaliz|venc|timed\\s+out)',
    (SPANISH || CATALAN) && `(?:${anyOf(SPANISH && 'vuelve|volver', CATALAN && 'torna')})\\s+a\\s+iniciar`,
    '(?:sign|log)\\s+in\\s+again|(?:signed|logged)\\s+out',
    FRENCH && 'votre\\s+session|reconnectez',
    CHINESE && '登入逾時|登录超时|會話已過期|会话已过期|重新登',
  ),
  'i',
);

/** A shown dialog or overlay asking to sign in again: the page behind it is stale. */
function blockingSignIn(page: PageText): boolean {
  // Only an expiry phrase or a password field makes a dialog a sign-in: without either on the
  // page, no dialog need be looked at.
  if (!EXPIRED.test(page.text) && !page.fields.some(isPasswordField)) return false;
  for (const dialog of dialogs(page)) {
    const text = page.of(dialog);
    if (text === '' || text.length > 2_000) continue;
    if (EXPIRED.test(text)) return true;
    const password = page.fields.some((f) => isPasswordField(f) && page.contains(dialog, f));
    if (password && saysSignIn(text)) return true;
  }
  return false;
}

/**
 * Why no carrier page reader may read this page: a forum, help or article page is "not a usage
 * page"; a sign-in dialog over the figures means "signed out". Null when it may be read.
 */
export function pageKind(url: URL, page: PageText): ParseResult | null {
  const other = notUsagePage(url, page);
  if (other) return { ok: false, reason: 'not-usage-page', detail: other };
  return blockingSignIn(page) ? { ok: false, reason: 'logged-out', detail: 'sign-in over the page' } : null;
}
