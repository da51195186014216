import { PHRASES } from '../extract/phrases';
import type { PageText } from '../extract/text';

const LOGIN_RES = Object.values(PHRASES.login).flat();

/**
 * Two strengths of "this is a sign-in page", both answering "you are signed out" rather than a
 * vague "nothing found". Callers ask only once they found no figures. Both read the page's text
 * model, so a sign-in form inside a component or a same-origin frame counts too.
 */

const isPassword = (f: Element) => f.localName === 'input' && (f.getAttribute('type') ?? '').toLowerCase() === 'password';

/** The broad test: a password field, or sign-in wording anywhere on a page without figures. */
export function looksLoggedOut(page: PageText): boolean {
  if (page.fields.some(isPassword)) return true;
  return LOGIN_RES.some((re) => re.test(page.text));
}

const LOGIN_PATH = /(?:^|[/#._-])(?:log-?in|sign-?in|auth|sso|acceso|ingres[oa]|iniciar-sesion)(?:$|[/?#._-])/i;
const NOT_A_LOGIN_FIELD = new Set(['hidden', 'search', 'checkbox', 'radio', 'submit', 'button']);

/**
 * The strict test, told apart from a marketing page whose header merely links to "登入" /
 * "Iniciar sesión": a password field, a sign-in route, or an input field surrounded by sign-in
 * wording (one-time-code and RUT logins have no password field on the first step).
 */
export function looksSignedOut(page: PageText, url: URL): boolean {
  if (page.fields.some(isPassword)) return true;
  if (LOGIN_PATH.test(url.pathname) || LOGIN_PATH.test(url.hash)) return true;
  for (const input of page.fields) {
    if (input.localName !== 'input' || NOT_A_LOGIN_FIELD.has((input.getAttribute('type') ?? '').toLowerCase())) continue;
    let el: Element | null = page.parent(input);
    for (let level = 0; el && level < 4; level++, el = page.parent(el)) {
      const text = page.of(el);
      if (LOGIN_RES.some((re) => re.test(text))) return true;
    }
  }
  return false;
}
