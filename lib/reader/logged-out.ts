import { PHRASES } from '../extract/phrases';

const LOGIN_RES = Object.values(PHRASES.login).flat();

/**
 * A sign-in page: a password field, or sign-in wording with no usage figures around. Telling the
 * user "you are signed out" beats a vague "nothing found".
 */
export function looksLoggedOut(doc: Document, pageText: string): boolean {
  if (doc.querySelector('input[type="password"]')) return true;
  return LOGIN_RES.some((re) => re.test(pageText));
}
