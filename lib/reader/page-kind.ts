/**
 * What kind of page this is, before any adapter reads it: carrier hosts also serve a community
 * forum, help centre and articles, where a stranger's "Il vous reste 2 Go sur 100 Go" must never
 * become the user's line; and a dashboard behind a blocking "session expired" dialog shows stale
 * figures, so it means signed out, never a reading.
 */
import { PHRASES } from '../extract/phrases';
import type { PageText } from '../extract/text';

// Path segments, hash routes or host labels of forum, help and article pages.
const OTHER_SEGMENT =
  /^(?:forums?|foros?|communaute|communautes|community|communities|comunidad|comunidades|ayuda|aide|help|helpcenter|centro-de-ayuda|faqs?|preguntas-frecuentes|questions|question|articles?|articulos?|blog|blogs|soporte|support|assistance|thread|threads|topic|topics|discussions?|t5|conversations|tutoriales|tutoriels|conseils)$/i;
const OTHER_HOST = /^(?:forums?|communaute|community|comunidad|ayuda|aide|help|assistance|soporte|support|blog)\./i;
// A breadcrumb trail that starts in the community or the help centre.
const HELP_CRUMB = /communaut[ée]|community|comunidad|forum|foro|ayuda|aide|help|faq|preguntas frecuentes|questions fr[ée]quentes|assistance|soporte|support|blog|art[íi]culos?|articles?/i;
// One query for every structure this file asks about (substring selectors cost a pass each).
const SHAPES = 'nav, .breadcrumb, .breadcrumbs, [itemtype], dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"], .modal, .overlay, .lightbox';
const CRUMB_NAME = /breadcrumb|fil d['’]ariane|migas|ruta de navegaci/i;
const POST_TYPE = /DiscussionForumPosting|QAPage|FAQPage|schema\.org\/Article|BlogPosting|schema\.org\/Question/i;
const DIALOG = /^(?:dialog|alertdialog)$/i;

/** The page's breadcrumb trails, post-typed elements and dialogs, found in one query. */
function structures(page: PageText): { crumbs: Element[]; posts: Element[]; dialogs: Element[] } {
  const crumbs: Element[] = [];
  const posts: Element[] = [];
  const dialogs: Element[] = [];
  for (const el of page.select(SHAPES)) {
    const cls = el.getAttribute('class') ?? '';
    if (/breadcrumb/i.test(cls) || (el.localName === 'nav' && CRUMB_NAME.test(el.getAttribute('aria-label') ?? ''))) crumbs.push(el);
    if (POST_TYPE.test(el.getAttribute('itemtype') ?? '')) posts.push(el);
    if (el.localName === 'dialog' || DIALOG.test(el.getAttribute('role') ?? '') || el.getAttribute('aria-modal') === 'true' || /(?:^|\s)(?:modal|overlay|lightbox)(?:\s|$)/.test(cls)) dialogs.push(el);
  }
  return { crumbs, posts, dialogs };
}
// What a forum post or thread shows around its text.
const POST_MARKS = [
  /post[ée]e?\s+par|publi[ée]e?\s+(?:le|par)|publicad[oa]\s+(?:el|por)|posted\s+(?:by|on)|發表於|发表于/i,
  /(?<![\p{L}])(?:r[ée]pondre|responder|reply|回覆|回复)(?![\p{L}])/iu,
  /solution\s+accept[ée]e|soluci[óo]n\s+aceptada|accepted\s+solution|meilleure\s+r[ée]ponse|mejor\s+respuesta/i,
  /membre\s+depuis|miembro\s+desde|member\s+since|inscrit\s+le|kudos|me\s+gusta\s+\d|j['’]aime\s+\d/i,
];

/** Why this is not a usage page (a forum, help or article page), or null when it may be one. */
export function notUsagePage(url: URL, page: PageText): string | null {
  const route = `${url.pathname}/${url.hash.replace(/^#!?/, '')}`;
  if (route.split(/[/?&=]+/).some((segment) => OTHER_SEGMENT.test(segment))) return 'forum or help page (address)';
  if (OTHER_HOST.test(url.hostname)) return 'forum or help page (host)';
  const { crumbs, posts } = structures(page);
  if (crumbs.some((trail) => HELP_CRUMB.test(page.of(trail)))) return 'forum or help page (breadcrumbs)';
  if (posts.length > 0) return 'forum or help page (post layout)';
  if (page.doc?.querySelector('meta[property="og:type"][content="article" i]')) return 'article page';
  const marks = POST_MARKS.filter((re) => re.test(page.text)).length;
  return marks >= 2 ? 'forum or help page (post layout)' : null;
}

// "Your session has expired", in the portals' languages (Catalan too: Movistar Spain).
const EXPIRED = [
  /sesi[óo]n\s+(?:ha\s+)?(?:expirado|caducado|finalizado|terminado|vencido)|sesi[óo]n\s+(?:expirada|caducada|finalizada)|(?:vuelve|volver)\s+a\s+iniciar\s+sesi[óo]n|inicia\s+sesi[óo]n\s+de\s+nuevo/i,
  /sessi[óo]\s+ha\s+(?:caducat|expirat|finalitzat)|torna\s+a\s+iniciar\s+(?:la\s+)?sessi[óo]/i,
  /session\s+(?:a\s+)?expir[ée]e?|votre\s+session|reconnectez-vous|d[ée]connect[ée]e?\s+pour\s+inactivit[ée]/i,
  /session\s+(?:has\s+)?(?:expired|timed\s+out|ended)|sign\s+in\s+again|log\s+in\s+again|you\s+have\s+been\s+(?:signed|logged)\s+out/i,
  /登入逾時|登錄逾時|登录超时|會話已過期|会话已过期|重新登入|重新登錄|重新登录|請重新登入|请重新登录/,
];
const LOGIN = Object.values(PHRASES.login).flat();

/** A shown dialog or overlay asking to sign in again: the page behind it is stale. */
export function blockingSignIn(page: PageText): boolean {
  for (const dialog of structures(page).dialogs) {
    const text = page.of(dialog);
    if (text === '' || text.length > 2_000) continue;
    if (EXPIRED.some((re) => re.test(text))) return true;
    const password = page.fields.some((f) => f.getAttribute('type') === 'password' && page.contains(dialog, f));
    if (password && LOGIN.some((re) => re.test(text))) return true;
  }
  return false;
}
