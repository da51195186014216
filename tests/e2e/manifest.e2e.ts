import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARRIERS } from '@/lib/carriers';

/**
 * The BUILT manifests are what a store reviewer and a user's browser see, so they are checked here
 * (after `npm run build`) rather than wxt.config.ts: a WXT module, a default or a new entrypoint
 * can add permissions or hosts that the config never names.
 */
const OUTPUT = resolve('.output');
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Manifest = Record<string, any>;
const manifestOf = (target: string): Manifest => JSON.parse(readFileSync(join(OUTPUT, target, 'manifest.json'), 'utf8')) as Manifest;

/** `notifications` is allowed (threshold alerts) but not required; nothing outside this set is. */
const ALLOWED_PERMISSIONS = new Set(['storage', 'alarms', 'notifications']);
const CARRIER_HOSTS = [...new Set(CARRIERS.flatMap((c) => c.matches))].sort();

const TARGETS = [
  { target: 'chrome-mv3', mv: 3, firefox: false },
  { target: 'firefox-mv2', mv: 2, firefox: true },
] as const;

function hostAccess(manifest: Manifest): string[] {
  const fromScripts = ((manifest.content_scripts ?? []) as { matches?: string[] }[]).flatMap((s) => s.matches ?? []);
  const fromHostPermissions = (manifest.host_permissions ?? []) as string[];
  // MV2 puts host patterns in `permissions`; anything that is not a bare API name is one.
  const fromPermissions = ((manifest.permissions ?? []) as string[]).filter((p) => p.includes(':') || p.includes('/') || p === '<all_urls>');
  return [...new Set([...fromScripts, ...fromHostPermissions, ...fromPermissions])].sort();
}

function cspOf(manifest: Manifest): string | undefined {
  const csp = manifest.content_security_policy;
  return typeof csp === 'string' ? csp : csp?.extension_pages;
}

describe.each(TARGETS)('built manifest: $target', ({ target, mv, firefox }) => {
  const manifest = manifestOf(target);

  it(`is Manifest V${mv}`, () => {
    expect(manifest.manifest_version).toBe(mv);
  });

  it('asks only for storage, alarms and (optionally) notifications', () => {
    const permissions = (manifest.permissions ?? []) as string[];
    expect(permissions.filter((p) => !ALLOWED_PERMISSIONS.has(p))).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(permissions).not.toContain('tabs');
  });

  it('reaches exactly the carrier portals the adapters claim, and nothing else', () => {
    expect(hostAccess(manifest)).toEqual(CARRIER_HOSTS);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    for (const pattern of hostAccess(manifest)) expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]{2,}\//);
  });

  it('exposes nothing to web pages or other extensions', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('has an explicit CSP that allows only the extension’s own scripts', () => {
    const csp = cspOf(manifest);
    expect(csp, 'content_security_policy').toBeTypeOf('string');
    expect(csp).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    // Nothing else may come from outside either: images, styles, fonts, connections.
    expect(csp).toMatch(/(^|;)\s*default-src 'self'\s*(;|$)/);
    expect(csp).toMatch(/(^|;)\s*img-src 'self' data:\s*(;|$)/);
  });

  it(firefox ? 'carries the Firefox id and declares no data collection' : 'carries no Firefox-only settings', () => {
    if (firefox) {
      expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
      expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    } else {
      expect(manifest.browser_specific_settings).toBeUndefined();
      expect(JSON.stringify(manifest)).not.toContain('data_collection_permissions');
    }
  });
});

describe('PERMISSIONS.md', () => {
  const doc = readFileSync('PERMISSIONS.md', 'utf8');
  const built = TARGETS.map(({ target }) => manifestOf(target));

  it('justifies every permission of the built manifests', () => {
    const permissions = new Set(built.flatMap((m) => (m.permissions ?? []) as string[]));
    for (const permission of permissions) expect(doc, permission).toContain(`| \`${permission}\` |`);
  });

  it('names every site the built manifests can reach', () => {
    for (const pattern of new Set(built.flatMap(hostAccess))) expect(doc, pattern).toContain(`\`${pattern}\``);
  });
});

describe('store packages', () => {
  it.each(['chrome', 'firefox', 'sources'])('npm run build wrote the %s zip', (kind) => {
    const zip = join(OUTPUT, `esim-usage-guard-${VERSION}-${kind}.zip`);
    expect(existsSync(zip), zip).toBe(true);
    const bytes = readFileSync(zip);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    // Extension zips carry the manifest at their root; the sources zip carries package.json.
    expect(bytes.includes(Buffer.from(kind === 'sources' ? 'package.json' : 'manifest.json'))).toBe(true);
    expect(statSync(zip).size).toBeGreaterThan(1_000);
  });
});
