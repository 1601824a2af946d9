import { describe, expect, it } from 'vitest';
import { createDeadlinesHandlers } from '../../../features/deadlines/handlers';
import { createEntriesHandlers } from '../../../features/entries/handlers';
import { FROM_EXTENSION, FROM_PAGE } from '../support/callers';
import { createRotationClock } from '../../../features/deadlines/clock';
import { addDays } from '../../../features/deadlines/rules';
import { route } from '../../../platform/router';
import { PASSPHRASE, sampleMeta, setupVault } from '../vault/helpers';

const SECRET_A = `amzn1.oa2-cs.v1.${'a'.repeat(64)}`;
const SECRET_B = `amzn1.oa2-cs.v1.${'b'.repeat(64)}`;

async function setup() {
  const v = setupVault();
  await v.vault.create(PASSPHRASE);
  const meta = await v.vault.createEntry({ ...sampleMeta, secretIssuedAt: v.clock.now - 170 * 86_400_000 }, { clientSecret: SECRET_A });
  const clock = createRotationClock({
    listEntries: () => v.vault.listEntries(),
    thresholds: async () => [],
    markers: { get: async () => ({}), set: async () => undefined },
    paint: async () => undefined,
    notify: async () => [],
    now: () => v.clock.now,
    timeZone: () => 'UTC',
  });
  const handlers = {
    ...createEntriesHandlers({ vault: v.vault, now: () => v.clock.now, touch: async () => undefined }),
    ...createDeadlinesHandlers({ vault: v.vault, clock, thresholds: async () => [], now: () => v.clock.now }),
  };
  const call = (type: string, data: unknown, from: typeof FROM_EXTENSION | typeof FROM_PAGE = FROM_EXTENSION) =>
    route({ type, data }, from, handlers);
  return { ...v, meta, call };
}

describe('entries.rotate', () => {
  it('moves the current secret to previous (7 days) and starts a 180-day clock for the new one', async () => {
    const { vault, meta, clock, call } = await setup();
    clock.now += 1_000;
    const reply = await call('entries.rotate', { id: meta.id, newSecret: ` ${SECRET_B}\n` });
    expect(reply).toMatchObject({ ok: true, data: { meta: { secretIssuedAt: clock.now, previousSecretExpiresAt: addDays(clock.now, 7) } } });
    const { meta: after, secrets } = await vault.getEntry(meta.id);
    expect(after.secretExpiresAt).toBeUndefined(); // computed: issued + 180 days
    expect(secrets).toEqual({ clientSecret: SECRET_B, previousClientSecret: SECRET_A });
    expect((await vault.events(meta.id))[0]).toMatchObject({ type: 'rotated', at: clock.now });
  });

  it('takes the expiry Amazon stated', async () => {
    const { vault, meta, call } = await setup();
    const stated = Date.UTC(2027, 6, 8, 22, 9);
    await call('entries.rotate', { id: meta.id, newSecret: SECRET_B, statedExpiresAt: stated });
    expect((await vault.getEntry(meta.id)).meta.secretExpiresAt).toBe(stated);
  });

  it('refuses the current or previous secret with a clear message and changes nothing', async () => {
    const { vault, meta, call } = await setup();
    expect(await call('entries.rotate', { id: meta.id, newSecret: SECRET_A })).toEqual({
      ok: false,
      error: { code: 'same-secret', message: `This is already the current client secret of “${meta.alias}”, so nothing changed.` },
    });
    await call('entries.rotate', { id: meta.id, newSecret: SECRET_B });
    const previous = await call('entries.rotate', { id: meta.id, newSecret: SECRET_A });
    expect(previous).toMatchObject({ ok: false, error: { code: 'same-secret', message: expect.stringMatching(/previous client secret/) } });
    expect((await vault.getEntry(meta.id)).secrets).toEqual({ clientSecret: SECRET_B, previousClientSecret: SECRET_A });
  });

  it('rotates each of two quick saves in turn', async () => {
    const { vault, meta, call } = await setup();
    const SECRET_C = `amzn1.oa2-cs.v1.${'c'.repeat(64)}`;
    await Promise.all([call('entries.rotate', { id: meta.id, newSecret: SECRET_B }), call('entries.rotate', { id: meta.id, newSecret: SECRET_C })]);
    // The first secret left both slots: it is kept in the sealed history, not dropped.
    expect((await vault.getEntry(meta.id)).secrets).toEqual({
      clientSecret: SECRET_C,
      previousClientSecret: SECRET_B,
      retiredSecrets: [{ secret: `amzn1.oa2-cs.v1.${'a'.repeat(64)}`, retiredAt: expect.any(Number) }],
    });
  });

  it('is for extension pages only', async () => {
    const { meta, call } = await setup();
    expect(await call('entries.rotate', { id: meta.id, newSecret: SECRET_B }, FROM_PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('entries.logEvent', () => {
  it('records what was copied, never a value', async () => {
    const { vault, meta, call } = await setup();
    expect(await call('entries.logEvent', { id: meta.id, type: 'copied', detail: 'client secret' })).toEqual({ ok: true, data: null });
    expect((await vault.events(meta.id))[0]).toMatchObject({ type: 'copied', detail: 'client secret' });

    const leaked = await call('entries.logEvent', { id: meta.id, type: 'copied', detail: `client secret ${SECRET_B}` });
    expect(leaked).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(leaked)).not.toContain(SECRET_B.slice(16));
    expect(await call('entries.logEvent', { id: meta.id, type: 'rotated', detail: 'x' })).toMatchObject({ ok: false });
    expect(await call('entries.logEvent', { id: meta.id, type: 'copied', detail: 'x'.repeat(121) })).toMatchObject({ ok: false });
  });
});

describe('deadlines.refreshBadge', () => {
  it('answers the badge and the time it took in the worker', async () => {
    const { call } = await setup();
    expect(await call('deadlines.refreshBadge', {})).toMatchObject({ ok: true, data: { text: '10d', ms: expect.any(Number) } });
  });
});

describe('deadlines.calendar', () => {
  it('exports the deadline calendar from metadata, even while locked', async () => {
    const { vault, call } = await setup();
    await vault.lock();
    const reply = await call('deadlines.calendar', {});
    expect(reply).toMatchObject({ ok: true, data: { fileName: 'lwa-vault-deadlines.ics', events: 1 } });
    expect(JSON.stringify(reply)).not.toContain(SECRET_A);
  });
});
