/**
 * Hostile carrier pages, shared by the Chromium (tests/e2e/watcher-attacks.e2e.ts) and Firefox
 * (tests/e2e/firefox/watcher-attacks.e2e.ts) tests.
 */

/** `html` with a script of the page's own before </body>. */
export const withScript = (html: string, script: string) => html.replace('</body>', `<script>${script}</script></body>`);

/**
 * A Movistar page (`capped`: a fixture with its figures in <main>) that replays WXT's start-up
 * and location-change events, and any WXT message posted on its window, every 100 ms for 30 s,
 * with the extension's id (`extensionId`: public for a published extension, so an attacker has
 * it). Its figures appear after 2 s; `window.nextView()` moves to another route with 4,5 GB;
 * `window.posted` keeps every WXT message the page saw posted.
 */
export function startupReplayPage(capped: string, extensionId: string): string {
  const main = /<main>([\s\S]*)<\/main>/.exec(capped)![1]!;
  return withScript(
    capped.replace(/<main>[\s\S]*<\/main>/, '<main id="late"></main>'),
    `
      const ID = ${JSON.stringify(extensionId)};
      window.posted = [];
      window.addEventListener('message', (e) => { if (JSON.stringify(e.data ?? '').includes('wxt')) window.posted.push(e.data); });
      const replay = () => {
        document.dispatchEvent(new CustomEvent(ID + ':movistar-es:wxt:content-script-started', { detail: { contentScriptName: 'movistar-es', messageId: 'forged' } }));
        window.dispatchEvent(new Event(ID + ':movistar-es:wxt:locationchange'));
        for (const message of window.posted) window.postMessage(message, '*');
      };
      replay();
      const timer = setInterval(replay, 100);
      setTimeout(() => { document.getElementById('late').innerHTML = ${JSON.stringify(main)}; }, 2000);
      window.nextView = () => {
        history.pushState(null, '', '/consumo');
        document.querySelector('.roundel__value').textContent = '4,5 GB';
      };
      setTimeout(() => clearInterval(timer), 30000);`,
  );
}
