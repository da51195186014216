import * as z from 'zod/mini';

// zod otherwise probes `new Function` to pick a faster code path, which an extension's CSP
// forbids and store reviewers flag. Every schema module imports zod through this file.
z.config({ jitless: true });

export { z };
