import { oneAtATime } from '../../platform/one-at-a-time';
import { isAmazonConsoleHost } from '../amazon/hosts';

/**
 * Which tabs last committed Amazon's consent step (`/apps/authorize/consent` or `/apps/authorize/confirm/…`
 * on a console host, docs/amazon.md §2): a redirect that leaves such a page is Amazon's, even when it is a
 * script or meta-refresh redirect that webRequest does not see as a 302.
 */
export interface TabCommits {
  [tabId: string]: { consentAt?: number; otherAt?: number };
}

/** Tabs remembered at once; older ones are forgotten first (a few bytes each, in storage.session). */
export const MAX_TRACKED_TABS = 30;

export function isConsentStep(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const path = parsed.pathname;
  return (
    parsed.protocol === 'https:' &&
    isAmazonConsoleHost(parsed.hostname) &&
    (path === '/apps/authorize/consent' || path.startsWith('/apps/authorize/confirm/'))
  );
}

/** The next record after a main-frame commit, or undefined when nothing changes (an untracked tab elsewhere). */
export function recordCommit(tabs: TabCommits, tabId: number, url: string, at: number): TabCommits | undefined {
  const key = String(tabId);
  if (isConsentStep(url)) {
    const next = { ...tabs, [key]: { consentAt: at } };
    const keys = Object.keys(next).sort((a, b) => (next[a]!.consentAt ?? 0) - (next[b]!.consentAt ?? 0));
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_TRACKED_TABS))) delete next[old];
    return next;
  }
  const known = tabs[key];
  if (!known || (known.otherAt !== undefined && known.otherAt >= (known.consentAt ?? 0))) return undefined;
  return { ...tabs, [key]: { ...known, otherAt: at } };
}

/** Whether the page committed in `tabId` just before a navigation seen at `at` was the consent step. */
export function cameFromConsent(tabs: TabCommits, tabId: number, at: number): boolean {
  const known = tabs[String(tabId)];
  if (known?.consentAt === undefined || known.consentAt > at) return false;
  // A later commit elsewhere ended it, unless that commit is this very redirect arriving (at or after `at`).
  return known.otherAt === undefined || known.otherAt < known.consentAt || known.otherAt >= at;
}

export function forgetTab(tabs: TabCommits, tabId: number): TabCommits | undefined {
  if (!(String(tabId) in tabs)) return undefined;
  const { [String(tabId)]: _gone, ...rest } = tabs;
  return rest;
}

export interface TabCommitStore {
  commit(tabId: number, url: string, at: number): Promise<void>;
  removed(tabId: number): Promise<void>;
  cameFromConsent(tabId: number, at: number): Promise<boolean>;
}

/** Serialized over one storage.session key (a worker restart between consent and Confirm keeps it). */
export function createTabCommitStore(area: { get(): Promise<TabCommits | null>; set(value: TabCommits): Promise<void> }): TabCommitStore {
  const exclusive = oneAtATime();
  let cache: TabCommits | undefined;
  const read = async () => (cache ??= (await area.get()) ?? {});
  const update = (change: (tabs: TabCommits) => TabCommits | undefined) =>
    exclusive(async () => {
      const next = change(await read());
      if (next) {
        cache = next;
        await area.set(next);
      }
    });
  return {
    commit: (tabId, url, at) => update((tabs) => recordCommit(tabs, tabId, url, at)),
    removed: (tabId) => update((tabs) => forgetTab(tabs, tabId)),
    async cameFromConsent(tabId, at) {
      await exclusive.idle();
      return cameFromConsent(await read(), tabId, at);
    },
  };
}
