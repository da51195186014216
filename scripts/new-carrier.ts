/**
 * `npm run new-carrier <id> -- --label Claro --country CL --locale es-CL --base 1024 --host mi.claro.cl`
 *
 * Adding a carrier is one adapter file that receives its catalog entry; this writes everything
 * else a carrier needs so nothing is forgotten: the catalog entry (lib/carriers/catalog.ts, at the
 * end of the match order), the adapter file (a card page on the shared grammar, to edit), its
 * import in the registry (lib/carriers/index.ts), the content-script entry, a readable and a
 * signed-out fixture with sidecars (to replace with redacted real pages), and the PERMISSIONS.md
 * line. The registry, fixture and manifest tests then hold it to all of them. `scaffold` is pure
 * (files in, files out) so a test runs it without touching the tree.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface NewCarrier {
  id: string;
  label: string;
  country: 'ES' | 'FR' | 'HK' | 'CL' | 'MX';
  locale: 'es-ES' | 'es-CL' | 'es-MX' | 'fr-FR' | 'zh-HK' | 'zh-CN' | 'en';
  base: 1000 | 1024;
  host: string;
  /** The day the fixtures are dated (yyyy-mm-dd); the sidecars' `now` is its noon UTC. */
  date: string;
}

const COUNTRY_NAMES: Record<NewCarrier['country'], string> = { ES: 'Spain', FR: 'France', HK: 'Hong Kong', CL: 'Chile', MX: 'Mexico' };

export const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const constant = (id: string) => id.toUpperCase().replace(/-/g, '_');

/** The files to write or rewrite, given the current contents of the files it edits. */
export function scaffold(c: NewCarrier, current: { catalog: string; registry: string; permissions: string }): Record<string, string> {
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(c.id)) throw new Error(`id "${c.id}" must be lower-case words joined by "-" (like claro-cl)`);
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(c.host)) throw new Error(`host "${c.host}" is not a host name`);
  if (current.catalog.includes(`id: '${c.id}'`)) throw new Error(`${c.id} is already in the catalog`);
  const CONST = constant(c.id);
  const pattern = `https://${c.host}/*`;

  const entry = `export const ${CONST}: CarrierInfo = {
  id: '${c.id}',
  label: '${c.label.replace(/'/g, "\\'")}',
  country: '${c.country}',
  locale: '${c.locale}',
  unitBase: ${c.base},
  matches: ['${pattern}'],
  usageUrl: 'https://${c.host}/',
  languages: ['${c.locale.slice(0, 2)}'${c.locale === 'en' ? '' : ", 'en'"}],
};

/** In match priority order`;
  const catalog = current.catalog
    .replace('/** In match priority order', entry)
    .replace(/(export const CARRIER_CATALOG: readonly CarrierInfo\[\] = \[[^\]]*)\]/, `$1, ${CONST}]`);

  const registry = current.registry
    .replace(/(import [a-zA-Z]+ from '\.\/[a-z0-9-]+';\n)(?!import [a-zA-Z]+ from '\.\/)/, `$1import ${camel(c.id)} from './${c.id}';\n`)
    .replace(/(const ADAPTERS: readonly CarrierAdapter\[\] = \[[^\]]*)\]/, `$1, ${camel(c.id)}]`);

  const permissions = current.permissions.replace(
    /(\| carrier \| country \| sites \| why this pattern \|\n\|[-| ]+\|\n(?:\|.*\|\n)*)/,
    `$1| ${c.label} | ${COUNTRY_NAMES[c.country]} | \`${pattern}\` | the self-service area (TODO: say which paths and why) |\n`,
  );
  if (catalog === current.catalog || registry === current.registry || permissions === current.permissions) {
    throw new Error('catalog.ts, index.ts or PERMISSIONS.md no longer has the shape this script edits');
  }

  const adapter = `import { phraseDates, readCardPage, strictCardFigures } from '../reader/card-page';
import { ${CONST} } from './catalog';
import { defineCarrier } from './types';

/**
 * ${c.label} (${COUNTRY_NAMES[c.country]}): TODO where the usage page is, and the evidence behind
 * this adapter (shared/CARRIERS.md). Until then it reads cards under the shared labels with the
 * shared grammar (lib/reader/figures.ts); its locale, unit base and country come from the catalog.
 */
const ANCHORS = /^(?:consumo(?: de datos)?|datos(?: m[óo]viles)?|internet(?: m[óo]vil)?|roaming|bolsas?)(?![\\p{L}])/iu;
const PERIOD_END = /(?:se renueva el|vence el|vigencia|hasta el)\\s*:?\\s*([^\\n]{1,30})/i;
const UPDATED = /(?:actualizad[oa]s?(?: el| al)?|[úu]ltima actualizaci[óo]n)\\s*:?\\s*([^\\n]{1,30})/i;
const UNLIMITED = /(?:datos|internet)\\s+libres?(?![\\p{L}])/iu;

export default defineCarrier(${CONST}, {
  read: (page, url, context) =>
    readCardPage(page, url, {
      anchors: ANCHORS,
      figures: (text, { locale, base }) => strictCardFigures(text, locale, base, UNLIMITED),
      bucketOf: (label) => (/roaming/i.test(label) ? 'roaming' : /^bolsa/i.test(label) ? 'bonus' : 'data'),
      usagePage: (text, url) => /has usado|te quedan|consumo/i.test(text + url.pathname),
      dates: phraseDates(PERIOD_END, UPDATED),
    }, context),
});

// Portal URLs: TODO (https://${c.host}/…)
`;

  const entry_ = `import adapter from '@/lib/carriers/${c.id}';
import { runCarrierScript } from '@/lib/content/run-carrier-script';

export default defineContentScript({ matches: adapter.matches, runAt: 'document_idle', main: (ctx) => runCarrierScript(adapter, ctx) });
`;
  const now = `${c.date}T12:00:00Z`;
  const usage = `<!doctype html>
<html lang="${c.locale.slice(0, 2)}">
<head><meta charset="utf-8"><title>${c.label}</title></head>
<body>
<!-- TODO: replace with a redacted copy of the real usage page (tests/carriers/fixture-hygiene.test.ts). -->
<main>
  <section class="card">
    <h2>Consumo de datos</h2>
    <p>Has usado 2 GB de 10 GB</p>
    <p>Se renueva el 05/12</p>
  </section>
</main>
</body>
</html>
`;
  const base = c.base ** 3;
  const usageSidecar = {
    url: `https://${c.host}/`,
    now,
    result: {
      ok: true,
      readings: [
        {
          lineDigits: null,
          planName: null,
          bucket: 'data',
          usedBytes: 2 * base,
          totalBytes: 10 * base,
          unlimited: false,
          remainingBytes: 8 * base,
          periodEnd: nextDay(c.date, 12, 5),
          periodEndKind: 'renewal',
          pageSaysUpdatedAt: null,
        },
      ],
    },
  };
  const signedOut = `<!doctype html>
<html lang="${c.locale.slice(0, 2)}">
<head><meta charset="utf-8"><title>${c.label}</title></head>
<body><form><label>Usuario <input type="text" name="user"></label><label>Contraseña <input type="password" name="pw"></label><button>Iniciar sesión</button></form></body>
</html>
`;
  const fixtures = `tests/fixtures/${c.id}/${c.date}`;
  return {
    'lib/carriers/catalog.ts': catalog,
    'lib/carriers/index.ts': registry,
    'PERMISSIONS.md': permissions,
    [`lib/carriers/${c.id}.ts`]: adapter,
    [`entrypoints/${c.id}.content.ts`]: entry_,
    [`${fixtures}-usage.html`]: usage,
    [`${fixtures}-usage.expected.json`]: `${JSON.stringify(usageSidecar, null, 2)}\n`,
    [`${fixtures}-signed-out.html`]: signedOut,
    [`${fixtures}-signed-out.expected.json`]: `${JSON.stringify({ url: `https://${c.host}/login`, now, result: { ok: false, reason: 'logged-out' } }, null, 2)}\n`,
  };
}

/** The next `month`/`day` on or after `date` (yyyy-mm-dd), as yyyy-mm-dd. */
function nextDay(date: string, month: number, day: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = m < month || (m === month && d <= day) ? y : y + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseArgs(argv: string[]): NewCarrier {
  const [id, ...rest] = argv;
  const flag = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (!id) throw new Error('usage: npm run new-carrier <id> -- --label <name> --country <ES|FR|HK|CL|MX> --locale <es-CL…> --base <1000|1024> --host <host>');
  const country = (flag('country') ?? 'CL') as NewCarrier['country'];
  const locale = (flag('locale') ?? 'es-CL') as NewCarrier['locale'];
  const base = Number(flag('base') ?? 1024);
  if (!(country in COUNTRY_NAMES)) throw new Error(`country must be one of ${Object.keys(COUNTRY_NAMES).join(', ')}`);
  if (base !== 1000 && base !== 1024) throw new Error('base must be 1000 or 1024');
  return { id, label: flag('label') ?? id, country, locale, base, host: flag('host') ?? `www.${id}.example`, date: flag('date') ?? new Date().toISOString().slice(0, 10) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const files = scaffold(parseArgs(process.argv.slice(2)), { catalog: read('lib/carriers/catalog.ts'), registry: read('lib/carriers/index.ts'), permissions: read('PERMISSIONS.md') });
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    if (existsSync(full) && !['lib/carriers/catalog.ts', 'lib/carriers/index.ts', 'PERMISSIONS.md'].includes(path)) throw new Error(`${path} exists already`);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    console.log(`wrote ${path}`);
  }
  console.log('Next: write the adapter from the real page, replace both fixtures with redacted copies, explain the sites line in PERMISSIONS.md, then npm test.');
}
