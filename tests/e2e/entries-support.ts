import type { Page } from '@playwright/test';
import type { Chrome } from './fixtures';
import type { EntryMeta, EntrySecrets } from '../../features/vault/schema';

declare const chrome: Chrome;

/** Shared by the entries*.spec.ts files: a vault, entries seeded through the real protocol, fake identifiers. */

export const PASSPHRASE = 'amber lantern cobalt meadow';

/** Synthetic values in Amazon's formats (docs/amazon.md §3); none is real. */
export const CLIENT_ID = `amzn1.application-oa2-client.${'0123456789abcdef'.repeat(2)}`;
export const OTHER_CLIENT_ID = `amzn1.application-oa2-client.${'fedcba9876543210'.repeat(2)}`;
export const CLIENT_SECRET = `amzn1.oa2-cs.v1.${'a1b2c3d4'.repeat(8)}`;
export const NEW_CLIENT_SECRET = `amzn1.oa2-cs.v1.${'9e8d7c6b'.repeat(8)}`;
export const LEGACY_CLIENT_SECRET = '5f4dcc3b'.repeat(8);
export const REFRESH_TOKEN = 'Atzr|IQEBLzAtAhRPexample-_.+/=|0123456789';

export const DAY = 86_400_000;

type EntryInput = Partial<Omit<EntryMeta, 'id' | 'createdAt' | 'updatedAt'>> & Pick<EntryMeta, 'alias'>;

/** Sends one protocol message from an extension page, the way the popup does; throws the background's refusal. */
export async function message<T = unknown>(page: Page, type: string, data: unknown = {}): Promise<T> {
  const reply = await page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const);
  const r = reply as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  if (!r?.ok) throw new Error(`${type} refused: ${r?.error?.code} ${r?.error?.message}`);
  return r.data as T;
}

/** Creates the vault (it stays unlocked) from an extension page. */
export async function createVault(page: Page): Promise<void> {
  await message(page, 'vault.create', { passphrase: PASSPHRASE });
}

export async function seedEntry(page: Page, meta: EntryInput, secrets: EntrySecrets = {}): Promise<EntryMeta> {
  const reply = await message<{ meta: EntryMeta }>(page, 'entries.create', {
    meta: { kind: 'seller', region: 'EU', ...meta },
    secrets,
  });
  return reply.meta;
}

/** Many entries in one round of parallel messages (benchmarks, long lists). */
export async function seedMany(page: Page, count: number, now: number): Promise<void> {
  await page.evaluate(
    async ([n, at]) => {
      const hex = (i: number) => i.toString(16).padStart(32, '0');
      const replies = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          chrome.runtime.sendMessage({
            type: 'entries.create',
            data: {
              meta: {
                alias: `Shop ${String(i + 1).padStart(4, '0')}`,
                kind: i % 2 ? 'vendor' : 'seller',
                region: 'EU',
                clientId: `amzn1.application-oa2-client.${hex(i)}`,
                secretIssuedAt: at - ((i * 7) % 200) * 86_400_000,
              },
              secrets: { clientSecret: `amzn1.oa2-cs.v1.${hex(i)}${hex(i)}` },
            },
          }),
        ),
      );
      const refused = replies.filter((r) => !(r as { ok: boolean }).ok);
      if (refused.length > 0) throw new Error(`${refused.length} entries.create refused: ${JSON.stringify(refused[0])}`);
    },
    [count, now] as const,
  );
}

/**
 * Opens the popup page with a new vault already created and unlocked. `size` is the toolbar popup's (Chrome sizes
 * popups to their content, from 360 to 800 px wide).
 */
export async function openUnlockedPopup(openPopup: () => Promise<Page>, size = { width: 380, height: 600 }): Promise<Page> {
  const popup = await openPopup();
  await popup.setViewportSize(size);
  await createVault(popup);
  return popup;
}
