import { describe, expect, it } from 'vitest';
import { createSightingStore, MAX_SIGHTINGS_PER_TAB, SIGHTING_TTL_MS, type Sighting } from '../../../features/rotation-watch/sightings';
import { memoryStorage, secret } from './helpers';

const sighting = (id: string, tabId: number, at: number, extra: Partial<Sighting> = {}): Sighting => ({
  id,
  tabId,
  host: 'sellercentral.amazon.com',
  secret: secret(1),
  afterRotateClick: true,
  token: `t-${id}`,
  at,
  ...extra,
});

describe('createSightingStore', () => {
  it('forgets sightings after the TTL', async () => {
    let now = 0;
    const store = createSightingStore(memoryStorage(), () => now);
    await store.add(sighting('a', 1, 0));
    now = SIGHTING_TTL_MS - 1;
    expect(await store.get('a')).toBeDefined();
    now = SIGHTING_TTL_MS;
    expect(await store.get('a')).toBeUndefined();
  });

  it('keeps at most a dozen per tab, newest first, but never drops one waiting for an unlock', async () => {
    const store = createSightingStore(memoryStorage(), () => 1000);
    await store.add(sighting('waiting', 1, 0, { pendingSave: {} }));
    for (let i = 0; i < MAX_SIGHTINGS_PER_TAB + 3; i++) await store.add(sighting(`s${i}`, 1, i + 1));
    await store.add(sighting('other-tab', 2, 0));
    const ids = (await store.all()).map((s) => s.id);
    expect(ids).toHaveLength(MAX_SIGHTINGS_PER_TAB + 1);
    expect(ids).toContain('waiting');
    expect(ids).toContain('other-tab');
    expect(ids).not.toContain('s0');
  });

  it('serializes updates so none is lost', async () => {
    const store = createSightingStore(memoryStorage(), () => 0);
    await store.add(sighting('a', 1, 0));
    await Promise.all([
      store.update('a', (s) => ({ ...s, saved: { entryId: 'e', alias: 'A', at: 1 } })),
      store.update('a', (s) => ({ ...s, shopCtrl: { state: 'needs-url' } })),
    ]);
    expect(await store.get('a')).toMatchObject({ saved: { entryId: 'e' }, shopCtrl: { state: 'needs-url' } });
  });
});
