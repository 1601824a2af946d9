import { z } from 'zod';

// Imported first by the background, the one entrypoint that reaches zod (the pages load none: their first frame
// waits for all of their script). zod would otherwise probe `Function('')` (an eval the extension CSP refuses,
// logged as an error in Firefox) when the first object schema is built.
z.config({ jitless: true });
