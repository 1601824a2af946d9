import type { Page } from '@playwright/test';
import type { EntryMeta, EntrySecrets } from '../../../features/vault/schema';
import type { MessageType, Replies, Request } from '../../../platform/protocol';
import type { Chrome } from './chrome';
import type { ExtensionBrowser } from './extension';

declare const chrome: Chrome;

/**
 * The e2e side of the protocol: messages sent from an extension page the way the popup sends them, typed by
 * platform/protocol.ts, and the vault every test seeds through them.
 */

/** The vault passphrase of every e2e test. */
export const PASSPHRASE = 'amber lantern cobalt meadow';

/** The request argument, optional when the message's request has no required field. */
type RequestArgs<T extends MessageType> = {} extends Request<T> ? [data?: Request<T>] : [data: Request<T>];

/** Sends one protocol message from an extension page (full access, like the popup); throws the background's refusal. */
export async function send<T extends MessageType>(page: Page, type: T, ...[data = {} as Request<T>]: RequestArgs<T>): Promise<Replies[T]> {
  const reply = (await page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const)) as
    | { ok: true; data: Replies[T] }
    | { ok: false; error: { code: string; message: string } }
    | undefined;
  if (!reply?.ok) throw new Error(`${type} refused: ${reply?.error.code} ${reply?.error.message}`);
  return reply.data;
}

/** Creates the vault (it stays unlocked) from an extension page. */
export async function createVault(page: Page): Promise<void> {
  await send(page, 'vault.create', { passphrase: PASSPHRASE });
}

type EntryInput = Partial<Omit<EntryMeta, 'id' | 'createdAt' | 'updatedAt'>> & Pick<EntryMeta, 'alias'>;

/** One entry (a seller in EU unless `meta` says otherwise). */
export async function seedEntry(page: Page, meta: EntryInput, secrets: EntrySecrets = {}): Promise<EntryMeta> {
  const reply = await send(page, 'entries.create', { meta: { kind: 'seller', region: 'EU', ...meta }, secrets });
  return reply.meta;
}

export type SeedEntry = EntryInput & { secrets?: EntrySecrets };

/**
 * Creates the vault (unlocked) and the entries from a tab of its own on an extension page; returns that tab to
 * keep asking with, and the entries' ids.
 */
export async function seedVault(extension: ExtensionBrowser, entries: SeedEntry[]): Promise<{ admin: Page; ids: string[] }> {
  const admin = await extension.context.newPage();
  await admin.goto(extension.extensionUrl('/offscreen.html'));
  await createVault(admin);
  const ids: string[] = [];
  for (const { secrets = {}, ...meta } of entries) ids.push((await seedEntry(admin, meta, secrets)).id);
  return { admin, ids };
}

/** An entry's history as the popup lists it: "type (detail)". */
export async function eventDetails(page: Page, id: string): Promise<string[]> {
  const { events } = await send(page, 'entries.events', { id });
  return events.map((e) => `${e.type}${e.detail ? ` (${e.detail})` : ''}`);
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
