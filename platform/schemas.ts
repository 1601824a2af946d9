import { z } from 'zod';

/** Schemas several features' messages share, declared once. */

/** A vault entry, authorization or capture id. */
export const recordIdSchema = z.string().min(1).max(100);

/** An instant between 2000 and 2200: anything else is a typo or a unit mistake (seconds instead of ms). */
export const instantSchema = z.number().int().min(Date.UTC(2000, 0, 1)).max(Date.UTC(2200, 0, 1));

/** A vault or backup passphrase as typed; its strength rules are the vault's (`features/vault/passphrase.ts`). */
export const passphraseSchema = z.string().min(1).max(1024);
