import { describe, expect, it } from 'vitest';
import { PHRASES, hasPhrase, langOf, type Lang } from '../../lib/extract/phrases';

const hits = (role: keyof typeof PHRASES, lang: Lang, text: string) => PHRASES[role][lang].some((re) => re.test(text));

describe('PHRASES', () => {
  const yes: Array<[keyof typeof PHRASES, Lang, string]> = [
    ['used', 'es', 'Has consumido'], ['used', 'es', 'Llevas 3,5 GB'], ['used', 'es', 'Consumidos hasta hoy'],
    ['used', 'es', 'Total utilizado'], ['used', 'es', '40 % consumido'], ['used', 'fr', '12 Go consommés'],
    ['used', 'fr', 'Consommé'], ['used', 'zh', '已用：0.00/60.00GB'], ['used', 'zh', '已使用'], ['used', 'zh', '本號已用: 2 GB'],
    ['used', 'en', 'Used'],
    ['remaining', 'es', 'Datos disponibles'], ['remaining', 'es', 'Te quedan 2 GB'], ['remaining', 'es', '5 GB restantes'],
    ['remaining', 'fr', '12,34 Go restants'], ['remaining', 'fr', 'Il vous reste'], ['remaining', 'fr', 'restant'],
    ['remaining', 'zh', '60.00GB 餘量'], ['remaining', 'zh', '余量'], ['remaining', 'zh', '剩餘'], ['remaining', 'zh', '剩余'],
    ['remaining', 'en', '3 GB left'], ['remaining', 'en', 'Remaining'],
    ['login', 'es', 'Iniciar sesión'], ['login', 'es', 'Accede'], ['login', 'es', 'Contraseña'], ['login', 'fr', 'Se connecter'],
    ['login', 'fr', 'Mot de passe'], ['login', 'zh', '登入'], ['login', 'zh', '登录'], ['login', 'en', 'Log in'],
    ['login', 'en', 'Sign in'], ['login', 'en', 'Password'],
  ];
  it.each(yes)('%s/%s matches %j', (role, lang, text) => expect(hits(role, lang, text)).toBe(true));

  const no: Array<[keyof typeof PHRASES, Lang, string]> = [
    ['used', 'en', 'unused'], ['remaining', 'en', 'leftover'], ['login', 'es', 'Consumo de datos'],
    ['used', 'fr', 'Renouvellement le 12/12'],
  ];
  it.each(no)('%s/%s does not match %j', (role, lang, text) => expect(hits(role, lang, text)).toBe(false));

  it('regexes are reusable (not global) and unicode case-insensitive', () => {
    for (const byLang of Object.values(PHRASES))
      for (const list of Object.values(byLang))
        for (const re of list) {
          expect(re.global).toBe(false);
          expect(re.sticky).toBe(false);
          expect(re.unicode).toBe(true);
        }
    expect(hasPhrase('HAS CONSUMIDO', 'used', 'es')).toBe(true);
  });
});

describe('langOf', () => {
  it.each([['es-ES', 'es'], ['es-CL', 'es'], ['es-MX', 'es'], ['fr-FR', 'fr'], ['zh-HK', 'zh'], ['zh-CN', 'zh'], ['en', 'en']] as const)(
    '%s → %s', (l, lang) => expect(langOf(l)).toBe(lang));
});
