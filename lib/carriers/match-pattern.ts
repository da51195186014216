/**
 * WebExtension match patterns (`https://*.sosh.fr/*`), evaluated the way browsers do, so the
 * content script, the background's sender check and the tests agree on which pages an adapter owns.
 */
const PATTERN = /^(https|http|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/;

export function isValidMatchPattern(pattern: string): boolean {
  return PATTERN.test(pattern);
}

export function matchesPattern(pattern: string, url: string | URL): boolean {
  const parsed = PATTERN.exec(pattern);
  if (!parsed) return false;
  const [, scheme, host, path] = parsed as unknown as [string, string, string, string];
  let target: URL;
  try {
    target = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  const targetScheme = target.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(targetScheme) : scheme !== targetScheme) return false;
  if (!hostMatches(host, target.hostname)) return false;
  return globToRegExp(path).test(target.pathname + target.search);
}

export function matchesAny(patterns: readonly string[], url: string | URL): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, url));
}

function hostMatches(patternHost: string, host: string): boolean {
  if (patternHost === '*') return true;
  if (patternHost.startsWith('*.')) {
    const base = patternHost.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === patternHost;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}
