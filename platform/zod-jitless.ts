import { z } from 'zod';

// Imported first by every entrypoint that reaches zod: zod would otherwise probe `Function('')` (an eval the
// extension CSP refuses, logged as an error in Firefox) when the first object schema is built.
z.config({ jitless: true });
