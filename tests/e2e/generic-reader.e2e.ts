import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDESIGNED_PAGE, REDESIGNED_URL } from './generic-page';
import { badgeOf, launchExtension, openPopup, readStore, serveCarrierPage, waitFor, type ExtensionSession } from './harness';

const GB = 1024 ** 3;

let session: ExtensionSession;
beforeEach(async () => {
  session = await launchExtension();
});
afterEach(async () => {
  await session?.close();
});

describe('generic reader (production build, real Chromium)', () => {
  it('stores a redesigned page’s figures as generic, and counts them only once the user confirms', async () => {
    await serveCarrierPage(session.context, REDESIGNED_URL, REDESIGNED_PAGE);
    const page = await session.context.newPage();
    await page.goto(REDESIGNED_URL);
    const [reading] = await waitFor(() => readStore(session.worker, 'readings'), 'the generic reading');
    expect(reading).toMatchObject({ usedBytes: 8.5 * GB, totalBytes: 10 * GB, generic: true });
    expect((await badgeOf(session.worker)).text).toBe('');

    const popup = await openPopup(session);
    await popup.getByText(/Is 8\.5\sGB of 10\sGB what the page shows\?/).waitFor();
    await popup.getByRole('button', { name: 'Yes, that’s right' }).click();
    const badge = await waitFor(async () => ((await badgeOf(session.worker)).text === '85%' ? badgeOf(session.worker) : null), 'the badge');
    expect(badge!.text).toBe('85%');
    await popup.getByText(/Is 8\.5\sGB/).waitFor({ state: 'detached' });
    const [line] = await readStore(session.worker, 'lines');
    expect(line).toMatchObject({ pendingConfirmation: false });
  });

  it('discards a line the user says was misread', async () => {
    await serveCarrierPage(session.context, REDESIGNED_URL, REDESIGNED_PAGE);
    const page = await session.context.newPage();
    await page.goto(REDESIGNED_URL);
    await waitFor(() => readStore(session.worker, 'readings'), 'the generic reading');
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'No, discard' }).click();
    await popup.getByText('No lines yet').waitFor();
    expect(await readStore(session.worker, 'readings')).toEqual([]);
    expect(await readStore(session.worker, 'lines')).toEqual([]);
  });
});
