// Must run before anything imports Dexie, so Dexie finds an IndexedDB in happy-dom.
import 'fake-indexeddb/auto';
import { z } from 'zod';

z.config({ jitless: true });

// Property tests draw from a fixed seed, so a run on any day and any machine gives the same
// verdict. To search further: FC_SEED=random (or a number) and the test's own run count.
import fc from 'fast-check';

const askedSeed = process.env.FC_SEED;
if (askedSeed !== 'random') fc.configureGlobal({ seed: askedSeed === undefined ? 20261202 : Number(askedSeed) });
