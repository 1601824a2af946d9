import { browser } from 'wxt/browser';
import type { MessageType } from './protocol';
import { route, type Handlers } from './router';
import { originOf } from './origin';
import { senderRole } from './sender';
import { sessionVaultKeyItem } from './storage-items';

/**
 * What one feature brings to the background service worker. The background entrypoint merges every feature's
 * handlers into one complete table and registers each browser listener below once, dispatching to the features.
 */
export interface BackgroundFeature<K extends MessageType = never> extends FeatureEvents {
  handlers: Pick<Handlers, K>;
}

/**
 * The browser events a feature answers, besides its messages. Alarms and notification clicks are keyed alike: an
 * exact name or id, or a key ending in `*` for every one that starts with the rest (see `keyMatches`).
 */
export interface FeatureEvents {
  /** By alarm name. */
  alarms?: Record<string, (name: string) => Promise<unknown>>;
  /** By notification id. */
  notificationClicks?: Record<string, (id: string) => Promise<unknown>>;
  /** At every worker start, browser start and install (alarms may not survive the last two). */
  started?: () => Promise<unknown>;
  /** Once the vault is unlocked (from any page). */
  unlocked?: () => Promise<unknown>;
}

/** Registers the shared listeners (synchronously: call at the top of the background's main). */
export function listen(features: readonly (FeatureEvents & { handlers: object })[], handlers: Handlers): void {
  const extensionOrigin = originOf(browser.runtime.getURL('/'))!;
  const each = <K extends keyof FeatureEvents>(key: K) => features.flatMap((f) => (f[key] ? [f[key]!] : []));
  const quietly = (task: Promise<unknown>) => void task.catch(() => undefined);
  const matching = (table: Record<string, (name: string) => Promise<unknown>>, name: string) =>
    Object.entries(table).filter(([key]) => keyMatches(key, name));

  browser.runtime.onMessage.addListener((message, sender) => {
    if ((message as { target?: string } | null)?.target === 'offscreen') return undefined; // not ours to answer
    return route(message, { role: senderRole(sender, browser.runtime.id, extensionOrigin), sender }, handlers);
  });
  browser.alarms.onAlarm.addListener(({ name }) => {
    for (const table of each('alarms')) for (const [, run] of matching(table, name)) quietly(run(name));
  });
  browser.notifications.onClicked.addListener((id) => {
    for (const table of each('notificationClicks')) for (const [, run] of matching(table, id)) quietly(run(id));
  });
  const start = () => each('started').forEach((started) => quietly(started()));
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
  start();
  sessionVaultKeyItem.watch((key) => key && each('unlocked').forEach((unlocked) => quietly(unlocked())));
}

/** Whether an alarm or notification key takes `name`: the same name, or `prefix*` and a name that starts with prefix. */
export function keyMatches(key: string, name: string): boolean {
  return key.endsWith('*') ? name.startsWith(key.slice(0, -1)) : key === name;
}
