import { describe, expect, it } from 'vitest';
import { adapterForUrl } from '@/lib/carriers';
import { isValidMatchPattern, matchesPattern } from '@/lib/carriers/match-pattern';

describe('matchesPattern', () => {
  it.each([
    ['https://appweb.movistar.es/*', 'https://appweb.movistar.es/home', true],
    ['https://appweb.movistar.es/*', 'https://appweb.movistar.es/', true],
    ['https://appweb.movistar.es/*', 'http://appweb.movistar.es/home', false],
    ['https://appweb.movistar.es/*', 'https://appweb.movistar.es.evil.example/', false],
    ['https://*.sosh.fr/*', 'https://www.sosh.fr/conso', true],
    ['https://*.sosh.fr/*', 'https://sosh.fr/conso', true],
    ['https://*.sosh.fr/*', 'https://notsosh.fr/conso', false],
    ['https://www.movistar.es/mimovistar-cliente/*', 'https://www.movistar.es/mimovistar-cliente/es-es/consumo', true],
    ['https://www.movistar.es/mimovistar-cliente/*', 'https://www.movistar.es/tarifas', false],
    ['https://www.hk.chinamobile.com/*', 'https://www.hk.chinamobile.com/tc/home/my-zone/menu/usage-query?x=1', true],
  ])('%s against %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it('rejects malformed patterns and URLs', () => {
    expect(isValidMatchPattern('https://appweb.movistar.es/*')).toBe(true);
    expect(isValidMatchPattern('appweb.movistar.es')).toBe(false);
    expect(isValidMatchPattern('ftp://x.es/*')).toBe(false);
    expect(matchesPattern('https://a.es/*', 'not a url')).toBe(false);
  });
});

describe('self-service hosts only (issue 16 #4)', () => {
  it.each([
    ['https://espace-client.sosh.fr/suivi-conso', 'orange-fr'],
    ['https://communaute.sosh.fr/t5/forfaits/conso/td-p/12', undefined],
    ['https://boutique.sosh.fr/forfaits-mobiles', undefined],
    ['https://assistance.sosh.fr/suivre-sa-conso', undefined],
    ['https://sucursalvirtual.clarochile.cl/consumos', 'claro-cl'],
    ['https://www.clarochile.cl/personas/ayuda/', undefined],
    ['https://comunidad.clarochile.cl/t/conso/12', undefined],
  ])('%s is read by %s', (url, id) => {
    expect(adapterForUrl(url)?.id).toBe(id);
  });
});
