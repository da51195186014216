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

const CONTENT_BUDGET_KB = 20;

/** Every carrier's content script (gzip KB), by carrier id. */
function carrierScripts(): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const file of readdirSync(join(DIST, 'content-scripts')).filter((f) => f.endsWith('.js') && f !== MAIN_WORLD).sort()) {
    sizes[file.replace(/\.js$/, '')] = gzipKb([`content-scripts/${file}`]);
  }
  return sizes;
}

export async function measure(): Promise<Record<string, number>> {
  const carriers = carrierScripts();
  // The budget holds for each carrier's script (a page loads only its own): say which are over.
  console.log('content_js_gzip_kb per carrier:', carriers);
  const over = Object.entries(carriers).filter(([, kb]) => kb > CONTENT_BUDGET_KB);
  if (over.length > 0) console.log(`  over ${CONTENT_BUDGET_KB} KB: ${over.map(([id, kb]) => `${id} ${kb}`).join(', ')}`);
  return {
    popup_js_gzip_kb: gzipKb(popupScripts()),
    // The largest carrier script: the per-carrier figures are printed above.
    content_js_gzip_kb: Math.max(...Object.values(carriers)),
    // The page-world script that copies the carrier API's answers (lib/content/main-world.ts).
    main_world_js_gzip_kb: gzipKb([`content-scripts/${MAIN_WORLD}`]),
  };
}
