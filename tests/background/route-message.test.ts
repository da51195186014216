import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleContentMessage } from '@/lib/background/handle-content-message';
import { BackupUploads } from '@/lib/background/backup-uploads';
import { handleUiAction } from '@/lib/background/handle-ui-action';
import { routeMessage, type MessageRoutes } from '@/lib/background/route-message';
import { CARRIERS } from '@/lib/carriers';
import { openGuardDb, type GuardDb } from '@/lib/db/schema';
import { UI_ACTION_TYPES } from '@/lib/messages/ui-actions';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const KNOWN = new Set([...UI_ACTION_TYPES, 'page-readings']);

const sender = fc.record(
  {
    id: fc.oneof(fc.constant(OWN_ID), fc.string()),
    url: fc.oneof(fc.constant(`${ORIGIN}popup.html`), fc.constant('https://appweb.movistar.es/home'), fc.webUrl()),
    tab: fc.record({ id: fc.nat() }),
  },
  { requiredKeys: [] },
);

/** Any value at all, and objects whose `type` is any string other than the known ones. */
const unknownMessage = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.string().filter((t) => !KNOWN.has(t)), payload: fc.anything() }),
  fc.record({ type: fc.constantFrom('Page-Readings', 'page-readings ', 'status-request', 'sample-request', '__proto__', 'constructor') }),
);

function spyRoutes(): MessageRoutes<string> & { uiAction: ReturnType<typeof vi.fn>; pageReadings: ReturnType<typeof vi.fn> } {
  return { uiAction: vi.fn(async () => 'ui'), pageReadings: vi.fn(async () => 'content') };
}

describe('routeMessage (the background’s onMessage listener)', () => {
  it('routes every unknown message to nothing and never throws', () => {
    fc.assert(
      fc.property(unknownMessage, sender, (message, from) => {
        const routes = spyRoutes();
        expect(routeMessage(message, from, routes)).toBeUndefined();
        expect(routes.uiAction).not.toHaveBeenCalled();
        expect(routes.pageReadings).not.toHaveBeenCalled();
      }),
      { numRuns: 2000 },
    );
  });

  it('survives a message whose type getter throws', () => {
    const hostile = Object.defineProperty({}, 'type', {
      get() {
        throw new Error('boom');
      },
    });
    const routes = spyRoutes();
    expect(routeMessage(hostile, {}, routes)).toBeUndefined();
    expect(routeMessage(new Proxy({}, { get: () => { throw new Error('boom'); } }), {}, routes)).toBeUndefined();
  });

  it.each([...UI_ACTION_TYPES])('hands %s to the UI-action handler only', async (type) => {
    const routes = spyRoutes();
    await expect(routeMessage({ type }, {}, routes)).resolves.toBe('ui');
    expect(routes.uiAction).toHaveBeenCalledOnce();
    expect(routes.pageReadings).not.toHaveBeenCalled();
  });

  it('hands page-readings to the content handler only', async () => {
    const routes = spyRoutes();
    await expect(routeMessage({ type: 'page-readings' }, {}, routes)).resolves.toBe('content');
    expect(routes.pageReadings).toHaveBeenCalledOnce();
    expect(routes.uiAction).not.toHaveBeenCalled();
  });
});

describe('routeMessage with the real handlers', () => {
  let db: GuardDb;
  let n = 0;
  beforeEach(async () => {
    db = openGuardDb(`route-test-${++n}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('answers known types with arbitrary payloads by a refusal, never a rejection, and writes nothing', async () => {
    const log = vi.fn();
    const routes: MessageRoutes<{ ok: boolean }> = {
      uiAction: (m, s) => handleUiAction(m, s, { db, ownId: OWN_ID, extensionOrigin: ORIGIN, onChanged: vi.fn(), log, uploads: new BackupUploads(() => 1_000) }),
      pageReadings: (m, s) => handleContentMessage(m, s, { db, ownId: OWN_ID, adapters: CARRIERS, now: () => 1_000, onStored: vi.fn(), log }),
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KNOWN), fc.dictionary(fc.string(), fc.anything()), sender, async (type, rest, from) => {
        const reply = await routeMessage({ ...rest, type, lineId: 1 }, from, routes);
        // lineId 1 does not exist and no payload is complete: every answer is a refusal, with its reason.
        expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^(untrusted sender|malformed message|malformed action|not found)$/) });
      }),
      { numRuns: 300 },
    );
    expect(await db.lines.count()).toBe(0);
    expect(await db.readings.count()).toBe(0);
  });
});
