import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(process.cwd(), '.output/chrome-mv3');

function gzipKb(files: string[]): number {
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

/** Scripts popup.html loads before anything shows: its entry and every modulepreload. */
function popupScripts(): string[] {
  const html = readFileSync(join(DIST, 'popup.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(refs)].map((ref) => ref.replace(/^\//, ''));
}

export async function measure(): Promise<Record<string, number>> {
  return {
    popup_js_gzip_kb: gzipKb(popupScripts()),
    content_js_gzip_kb: gzipKb(['content-scripts/carrier.js']),
  };
}
