import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(process.cwd(), '.output/chrome-mv3');
const MAIN_WORLD = 'page-json.js';

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
    // Each carrier page loads only its own carrier's script: the budget applies to the largest.
    content_js_gzip_kb: Math.max(
      ...readdirSync(join(DIST, 'content-scripts'))
        .filter((file) => file.endsWith('.js') && file !== MAIN_WORLD)
        .map((file) => gzipKb([`content-scripts/${file}`])),
    ),
    // The page-world script that copies the carrier API's answers (lib/content/main-world.ts).
    main_world_js_gzip_kb: gzipKb([`content-scripts/${MAIN_WORLD}`]),
  };
}
