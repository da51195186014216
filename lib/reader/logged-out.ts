import { PHRASES } from '../extract/phrases';
import { visibleText } from '../extract/text';

const LOGIN_RES = Object.values(PHRASES.login).flat();

/**
 * Two strengths of "this is a sign-in page", both answering "you are signed out" rather than a
 * vague "nothing found". Callers ask only once they found no figures.
 */

/** The broad test: a password field, or sign-in wording anywhere on a page without figures. */
export function looksLoggedOut(doc: Document, pageText: string): boolean {
  if (doc.querySelector('input[type="password"]')) return true;
  return LOGIN_RES.some((re) => re.test(pageText));
}

const LOGIN_PATH = /(?:^|[/#._-])(?:log-?in|sign-?in|auth|sso|acceso|ingres[oa]|iniciar-sesion)(?:$|[/?#._-])/i;

/**
 * The strict test, told apart from a marketing page whose header merely links to "登入" /
 * "Iniciar sesión": a password field, a sign-in route, or an input field surrounded by sign-in
 * wording (one-time-code and RUT logins have no password field on the first step).
 */
export function looksSignedOut(doc: Document, url: URL): boolean {
  if (doc.querySelector('input[type="password"]')) return true;
  if (LOGIN_PATH.test(url.pathname) || LOGIN_PATH.test(url.hash)) return true;
  for (const input of Array.from(doc.querySelectorAll('input:not([type="hidden"]):not([type="search"]):not([type="checkbox"])'))) {
    let el: Element | null = input.parentElement;
    for (let level = 0; el && level < 4; level++, el = el.parentElement) {
      const text = visibleText(el);
      if (LOGIN_RES.some((re) => re.test(text))) return true;
    }
  }
  return false;
}
