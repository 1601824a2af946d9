import { describe, expect, it, vi } from 'vitest';
import { createVaultHandlers } from '../../../features/vault/handlers';
import { createIdleToucher } from '../../../features/vault/auto-lock';
import { toolbarPopupFor } from '../../../features/vault/toolbar-popup';
import { createEntriesHandlers } from '../../../features/entries/handlers';
import { createSettingsHandlers } from '../../../features/settings/handlers';
import { DEFAULT_SETTINGS, type Settings } from '../../../features/settings/protocol';
import { asSender } from '../support/callers';
import { PASSPHRASE, sampleMeta, setupVault } from './helpers';

function setup() {
  const { vault } = setupVault();
  const onStatus = vi.fn(async () => {});
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let lastDeriveMs = 0;
  const autoLock = { arm: vi.fn(async (_minutes: number) => {}), disarm: vi.fn(async () => {}) };
  const touch = createIdleToucher({
    isUnlocked: async () => (await vault.status()).unlocked,
    minutes: async () => settings.autoLockMinutes,
    arm: autoLock.arm,
  });
  const handlers = asSender({
    ...createVaultHandlers({
      vault,
      lastDeriveMs: { get: async () => lastDeriveMs, set: async (ms) => void (lastDeriveMs = ms) },
      autoLock,
      touch,
      onStatus,
    }),
    ...createSettingsHandlers({ settings: { get: async () => settings, set: async (v) => void (settings = v) }, touch }),
    ...createEntriesHandlers({ vault, now: Date.now, touch }),
  });
  return { handlers, autoLock, onStatus, settings: () => settings };
}

describe('vault handlers', () => {
  it('creating a vault unlocks it, remembers the derivation time and arms the idle timer', async () => {
    const { handlers, autoLock } = setup();
    const status = await handlers['vault.create']({ passphrase: PASSPHRASE });
    expect(status).toMatchObject({ exists: true, unlocked: true });
    expect(status.lastDeriveMs).toBeGreaterThanOrEqual(0);
    expect(autoLock.arm).toHaveBeenCalledWith(15);
  });

  it('locking disarms the idle timer', async () => {
    const { handlers, autoLock } = setup();
    await handlers['vault.create']({ passphrase: PASSPHRASE });
    await expect(handlers['vault.lock']({})).resolves.toMatchObject({ unlocked: false });
    expect(autoLock.disarm).toHaveBeenCalled();
  });

  it('every status the vault reports is passed on (the toolbar button follows it), and a failing follower changes no reply', async () => {
    const { handlers, onStatus } = setup();
    await handlers['vault.status']({});
    await handlers['vault.create']({ passphrase: PASSPHRASE });
    await handlers['vault.lock']({});
    expect(onStatus).toHaveBeenCalledTimes(3);
    onStatus.mockRejectedValueOnce(new Error('no action API'));
    await expect(handlers['vault.unlock']({ passphrase: PASSPHRASE })).resolves.toMatchObject({ unlocked: true });
  });

  it('the toolbar button opens the locked page only for a vault that exists and is locked', () => {
    expect(toolbarPopupFor({ exists: true, unlocked: false })).toBe('locked.html');
    expect(toolbarPopupFor({ exists: true, unlocked: true })).toBe('popup.html');
    expect(toolbarPopupFor({ exists: false, unlocked: false })).toBe('popup.html');
  });

  it('every use of an entry re-arms the idle timer with the chosen delay', async () => {
    const { handlers, autoLock } = setup();
    await handlers['vault.create']({ passphrase: PASSPHRASE });
    await handlers['settings.set']({ autoLockMinutes: 5 });
    autoLock.arm.mockClear();
    await handlers['entries.create']({ meta: { ...sampleMeta, connector: 'other', environment: 'production' }, secrets: {} });
    await vi.waitFor(() => expect(autoLock.arm).toHaveBeenCalledWith(5));
  });

  it('settings.set merges a partial change into the stored settings', async () => {
    const { handlers, settings } = setup();
    await handlers['settings.set']({ clipboardClearSeconds: 10 });
    expect(settings()).toEqual({ ...DEFAULT_SETTINGS, clipboardClearSeconds: 10 });
  });

  it('a wrong passphrase is refused and the vault stays locked', async () => {
    const { handlers } = setup();
    await handlers['vault.create']({ passphrase: PASSPHRASE });
    await handlers['vault.lock']({});
    await expect(handlers['vault.unlock']({ passphrase: 'nope nope nope nope' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(handlers['vault.status']({})).resolves.toMatchObject({ unlocked: false });
  });
});

describe('locking', () => {
  it('runs the onLocked hook (drafts that may hold a typed secret are dropped)', async () => {
    const { vault } = setupVault();
    const onLocked = vi.fn(async () => {});
    const handlers = asSender(
      createVaultHandlers({
        vault,
        lastDeriveMs: { get: async () => 0, set: async () => {} },
        autoLock: { disarm: async () => {} },
        touch: async () => {},
        onLocked,
      }),
    );
    await handlers['vault.create']({ passphrase: PASSPHRASE });
    await handlers['vault.lock']({});
    expect(onLocked).toHaveBeenCalledOnce();
  });
});
