import { PHRASES } from '../extract/phrases';
import type { PageText } from '../extract/text';

/**
 * "This is a sign-in page": the one signed-out triage of the readers, answering "you are signed
 * out" rather than a vague "nothing found". Callers ask only once they found no figures; the
 * page-kind check (page-kind.ts) asks the same questions of a dialog over the figures. It reads
 * the page's text model, so a sign-in form inside a component or a same-origin frame counts too.
 */

const LOGIN_RES = Object.values(PHRASES.login).flat();

/** Sign-in wording ("Iniciar sesión", "Se connecter", "登入", "Password") in any of our languages. */
export function saysSignIn(text: string): boolean {
  return LOGIN_RES.some((re) => re.test(text));
}

export const isPasswordField = (f: Element) => f.localName === 'input' && (f.getAttribute('type') ?? '').toLowerCase() === 'password';

const LOGIN_PATH = /(?:^|[/#._-])(?:log-?in|sign-?in|auth|sso|acceso|ingres[oa]|iniciar-sesion)(?:$|[/?#._-])/i;
const NOT_A_LOGIN_FIELD = new Set(['hidden', 'search', 'checkbox', 'radio', 'submit', 'button']);

/** How much sign-in wording must say beyond a password field: one of the two below. */
export type SignInWording = (page: PageText) => boolean;

/**
 * Sign-in wording anywhere on the page (block pages: Orange, Telcel, Movistar MX; Movistar
 * Spain). Their hosts serve the customer area only, whose signed-out view is a "Se connecter" /
 * "Inicia sesión" page, sometimes without a field of its own.
 */
export const WORDING_ANYWHERE: SignInWording = (page) => saysSignIn(page.text);

/**
 * Only a sign-in route, or an input field with sign-in wording within four levels around it
 * (card pages: Chile; China Mobile HK): their hosts also serve marketing pages whose header
 * merely links to "登入" / "Iniciar sesión", which must stay "not a usage page". One-time-code and
 * RUT logins have no password field on the first step, hence the field rule.
 */
export function wordingNearAField(url: URL): SignInWording {
  return (page) => {
    if (LOGIN_PATH.test(url.pathname) || LOGIN_PATH.test(url.hash)) return true;
    for (const input of page.fields) {
      if (input.localName !== 'input' || NOT_A_LOGIN_FIELD.has((input.getAttribute('type') ?? '').toLowerCase())) continue;
      let el: Element | null = page.parent(input);
      for (let level = 0; el && level < 4; level++, el = page.parent(el)) {
        if (saysSignIn(page.of(el))) return true;
      }
    }
    return false;
  };
}

/**
 * Whether the page asks to sign in: a password field always does; beyond it, `wording` decides
 * (a function, not a flag, so a carrier's script bundles only the rule it uses).
 */
export function looksSignedOut(page: PageText, wording: SignInWording): boolean {
  return page.fields.some(isPasswordField) || wording(page);
}
