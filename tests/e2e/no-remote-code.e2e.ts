import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Stores refuse extensions that run code they did not ship, and this one promises that nothing
 * leaves the browser. So every shipped file of both builds is scanned for code evaluation, remote
 * scripts and any network API. The build is minified, so the patterns look for the call shapes
 * minifiers keep (`fetch(`, `new Function`), not for identifiers they rename.
 */
const BUILDS = ['chrome-mv3', 'firefox-mv2'].map((target) => resolve('.output', target));

const FORBIDDEN: readonly { what: string; pattern: RegExp }[] = [
  { what: 'eval', pattern: /(?<![\w$.])eval\s*\(/ },
  { what: 'Function constructor', pattern: /\bnew\s+Function\b|(?<![\w$.])Function\s*\(/ },
  { what: 'string timer (eval in disguise)', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/ },
  { what: 'remote <script src>', pattern: /<script[^>]*\ssrc\s*=\s*["'`]?(?:https?:)?\/\//i },
  { what: 'importScripts', pattern: /\bimportScripts\s*\(/ },
  { what: 'remote dynamic import', pattern: /\bimport\s*\(\s*["'`](?:https?:)?\/\//i },
  // One shape of fetch is not the network: reading a file packaged in the extension itself, written
  // inline as `fetch(browser.runtime.getURL('/…'))` (the i18n loader does this for _locales).
  { what: 'fetch', pattern: /(?<![\w$])fetch\s*\((?!\s*(?:[\w$]+\.)*runtime\.getURL\()/ },
  { what: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/ },
  { what: 'WebSocket', pattern: /\bWebSocket\b/ },
  { what: 'sendBeacon', pattern: /\bsendBeacon\b/ },
  { what: 'EventSource', pattern: /\bEventSource\b/ },
  { what: 'WebTransport / RTCPeerConnection', pattern: /\b(?:WebTransport|RTCPeerConnection)\b/ },
  { what: 'document.write', pattern: /\bdocument\.write(?:ln)?\s*\(/ },
];

/**
 * Matches that are allowed, each for a stated reason: { file pattern, what, why }. Vite's
 * module-preload polyfill (a `fetch` of <link rel=modulepreload> hrefs) used to be a hit; it is
 * switched off in wxt.config.ts instead of being allowed here.
 */
const ALLOWED: readonly { file: RegExp; what: string; why: string }[] = [
  {
    file: /^content-scripts\/page-json\.js$/,
    what: 'XMLHttpRequest',
    why: 'the MAIN-world script wraps the page’s own XMLHttpRequest.prototype.send to copy allow-listed answers the page asked for; it never opens a request (tests/e2e/page-json.e2e.ts checks its code)',
  },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(BUILDS)('shipped code of %s', (dir) => {
  const files = filesUnder(dir).filter((f) => /\.(?:m?js|html)$/.test(f));

  it('has JavaScript to scan', () => {
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThanOrEqual(3);
  });

  it('evaluates no code, loads no remote script and makes no network call', () => {
    const hits: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const name = relative(dir, file);
      for (const { what, pattern } of FORBIDDEN) {
        const match = new RegExp(pattern.source, `${pattern.flags}g`).exec(text);
        if (!match || ALLOWED.some((a) => a.what === what && a.file.test(name))) continue;
        hits.push(`${name}: ${what} — …${text.slice(Math.max(0, match.index - 40), match.index + 40)}…`);
      }
    }
    expect(hits).toEqual([]);
  });

  it('loads its pages’ scripts from the extension itself', () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const sources = [...readFileSync(file, 'utf8').matchAll(/<(?:script|link)[^>]*\s(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
      for (const source of sources) expect(source, relative(dir, file)).toMatch(/^\.?\/(?!\/)/);
    }
  });
});

describe('our own sources', () => {
  // The addons-linter allow-list (scripts/lint-firefox.ts) accepts Preact's innerHTML path only
  // because nothing of ours feeds it: this keeps that true.
  it('never set HTML from strings', () => {
    const sources = ['lib', 'components', 'entrypoints']
      .flatMap((dir) => filesUnder(resolve(dir)))
      .filter((f) => /\.(?:ts|tsx)$/.test(f));
    const hits = sources.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(
        readFileSync(f, 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, ''),
      ),
    );
    expect(hits.map((f) => relative(process.cwd(), f))).toEqual([]);
  });
});
