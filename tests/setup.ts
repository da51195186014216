// Must run before anything imports Dexie, so Dexie finds an IndexedDB in happy-dom.
import 'fake-indexeddb/auto';
import { z } from 'zod';

z.config({ jitless: true });
