import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { REDESIGNED_PAGE, REDESIGNED_URL } from '../generic-page';
import { waitFor } from '../harness';
import { badgeOf, firefoxForFile, openPopup, readStore, textOf, watchErrors } from './harness';

/**
 * The generic reader's confirmation in Firefox (as tests/e2e/generic-reader.e2e.ts in Chromium),
 * one browser for both answers: a misread line discarded leaves nothing; read again and confirmed,
 * it counts on the badge.
 */
const GB = 1024 ** 3;
const QUESTION = /Is 8\.5\sGB of 10\sGB what the page shows\?/;

const errors: string[] = [];

const ff = firefoxForFile(async (file) => {
  file.session.serve(REDESIGNED_URL, REDESIGNED_PAGE);
});

// The extension's CSP forbids the Function() that puppeteer's waitForFunction compiles: poll instead.
const untilText = (popup: Page, test: (text: string) => boolean, what: string) =>
  waitFor(async () => (test(await textOf(popup)) ? true : null), what);

/** Clicks the popup's button whose text is `name`, once it is there. */
async function press(popup: Page, name: string): Promise<void> {
  const clicked = await waitFor(
    () => popup.evaluate((text) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
      button?.click();
      return button ? true : null;
    }, name),
    `the "${name}" button`,
  );
  expect(clicked).toBe(true);
}

/** The popup once it asks whether the generic reading is right. */
async function popupAsking(): Promise<Page> {
  const popup = await openPopup(ff.session);
  watchErrors(popup, errors);
  await untilText(popup, (text) => QUESTION.test(text), 'the question');
  return popup;
}

describe('Firefox: the generic reader asks before a reading counts (production build)', () => {
  it('discards a line the user says was misread', async () => {
    const page = await ff.session.openCarrierPage(REDESIGNED_URL);
    const [reading] = (await waitFor(() => readStore(ff.ext, 'readings'), 'the generic reading'))!;
    expect(reading).toMatchObject({ usedBytes: 8.5 * GB, totalBytes: 10 * GB, generic: true });
    expect((await badgeOf(ff.ext)).text).toBe('');
    await page.close();

    const popup = await popupAsking();
    await press(popup, 'No, discard');
    await untilText(popup, (text) => text.includes('No lines yet'), 'the empty overview');
    expect(await readStore(ff.ext, 'readings')).toEqual([]);
    expect(await readStore(ff.ext, 'lines')).toEqual([]);
    await popup.close();
  });

  it('stores a redesigned page’s figures as generic, and counts them only once the user confirms', async () => {
    const page = await ff.session.openCarrierPage(REDESIGNED_URL);
    await waitFor(() => readStore(ff.ext, 'readings'), 'the generic reading again');
    expect((await badgeOf(ff.ext)).text).toBe('');
    await page.close();

    const popup = await popupAsking();
    await press(popup, 'Yes, that’s right');
    await waitFor(async () => ((await badgeOf(ff.ext)).text === '85%' ? true : null), 'the badge at 85 %');
    await untilText(popup, (text) => !QUESTION.test(text), 'the question gone');
    expect(await textOf(popup, '.line-card')).toContain('8.5 GB of 10 GB');
    expect(await readStore(ff.ext, 'lines')).toEqual([expect.objectContaining({ pendingConfirmation: false })]);
    await popup.close();
  });

  it('logged no console error in the popup and threw nothing', () => {
    expect(errors).toEqual([]);
  });
});
