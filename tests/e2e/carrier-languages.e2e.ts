import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARRIER_CATALOG } from '@/lib/carriers/catalog';

/**
 * Each carrier's script as built carries its portal's languages' words and no others
 * (lib/extract/page-languages.ts): a word only one language's tables hold is a marker of it.
 * English is in every script. Checked on the production build of both browsers.
 */
const MARKERS: Record<'es' | 'zh' | 'fr' | 'ca', RegExp> = {
  es: /anteayer|vigencia|celular/,
  zh: /剛剛|會話已過期|總量/,
  fr: /reconnectez|il\\\\s\+vous\\\\s\+reste|janvier/,
  ca: /consumit|setmanes|desembre/,
};

describe('the carrier scripts as built read their own languages', () => {
  const builds = ['chrome-mv3', 'firefox-mv2'].map((target) => resolve('.output', target));
  const cases = builds.flatMap((dir) => CARRIER_CATALOG.map((carrier) => [dir, carrier.id] as const));

  it.each(cases)('%s: %s', (dir, id) => {
    const carrier = CARRIER_CATALOG.find((c) => c.id === id)!;
    const code = readFileSync(join(dir, 'content-scripts', `${carrier.id}.js`), 'utf8');
    const languages = carrier.languages ?? ['es', 'ca', 'fr', 'en', 'zh'];
    for (const [language, marker] of Object.entries(MARKERS)) {
      expect(marker.test(code), `${carrier.id} ${language}`).toBe(languages.includes(language as keyof typeof MARKERS));
    }
    // English words are read everywhere.
    expect(code).toMatch(/remaining/);
  });
});
