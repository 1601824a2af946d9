import { describe, expect, it } from 'vitest';
import { cameFromConsent, createTabCommitStore, isConsentStep, MAX_TRACKED_TABS, recordCommit, type TabCommits } from '../../../features/authorize/consent-tabs';

const CONSENT = 'https://sellercentral.amazon.com/apps/authorize/consent?application_id=amzn1.sp.solution.x&state=s';
const CONFIRM = 'https://sellercentral.amazon.com/apps/authorize/confirm/amzn1.sp.solution.x?state=s';

describe('Amazon consent step', () => {
  it('is the consent or confirm page on a console host, over https', () => {
    expect(isConsentStep(CONSENT)).toBe(true);
    expect(isConsentStep(CONFIRM)).toBe(true);
    expect(isConsentStep('https://vendorcentral.amazon.de/apps/authorize/consent?application_id=x')).toBe(true);
    for (const url of [
      'http://sellercentral.amazon.com/apps/authorize/consent',
      'https://sellercentral.amazon.com.evil.example/apps/authorize/consent',
      'https://evil.example/apps/authorize/consent',
      'https://sellercentral.amazon.com/home',
      'https://sellercentral.amazon.com/apps/authorize/consentx',
      'not a url',
    ]) expect(isConsentStep(url)).toBe(false);
  });

  it('vouches for the navigation leaving it, and for nothing after the tab went elsewhere', () => {
    let tabs: TabCommits = {};
    tabs = recordCommit(tabs, 5, CONSENT, 100)!;
    expect(cameFromConsent(tabs, 5, 150)).toBe(true);
    expect(cameFromConsent(tabs, 6, 150)).toBe(false); // another tab
    // The redirect target commits: still this redirect for its own later events …
    tabs = recordCommit(tabs, 5, 'https://app.example/cb?spapi_oauth_code=RH', 160)!;
    expect(cameFromConsent(tabs, 5, 160)).toBe(true);
    // … but a page navigating that tab later is not Amazon.
    expect(recordCommit(tabs, 5, 'https://evil.example/', 200)).toBeUndefined();
    expect(cameFromConsent(tabs, 5, 210)).toBe(false);
  });

  it('leaves untracked tabs unwritten and forgets the oldest beyond its bound', () => {
    expect(recordCommit({}, 9, 'https://evil.example/', 1)).toBeUndefined();
    let tabs: TabCommits = {};
    for (let i = 0; i < MAX_TRACKED_TABS + 5; i++) tabs = recordCommit(tabs, i, CONSENT, 1_000 + i)!;
    expect(Object.keys(tabs)).toHaveLength(MAX_TRACKED_TABS);
    expect(tabs['0']).toBeUndefined();
  });

  it('persists across a worker restart (storage.session) and forgets a closed tab', async () => {
    let stored: TabCommits | null = null;
    const area = { get: async () => stored, set: async (v: TabCommits) => void (stored = v) };
    await createTabCommitStore(area).commit(3, CONFIRM, 10);
    const restarted = createTabCommitStore(area);
    expect(await restarted.cameFromConsent(3, 20)).toBe(true);
    await restarted.removed(3);
    expect(await restarted.cameFromConsent(3, 20)).toBe(false);
  });
});
