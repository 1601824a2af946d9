import { browser } from 'wxt/browser';

export const AUTO_LOCK_ALARM = 'auto-lock';

/**
 * Re-arms the idle timer: the vault locks `minutes` after the last use from an extension page.
 * 0 means "only when the browser closes" (storage.session is gone then), so no alarm is kept.
 */
export async function armAutoLock(minutes: number): Promise<void> {
  if (minutes <= 0) {
    await browser.alarms.clear(AUTO_LOCK_ALARM);
    return;
  }
  await browser.alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: minutes });
}

export async function disarmAutoLock(): Promise<void> {
  await browser.alarms.clear(AUTO_LOCK_ALARM);
}

/** Re-arms the idle timer after a use of the vault, if it is unlocked. Shared by every feature's handlers. */
export function createIdleToucher(deps: { isUnlocked(): Promise<boolean>; minutes(): Promise<number>; arm(minutes: number): Promise<void> }) {
  return async (): Promise<void> => {
    if (await deps.isUnlocked()) await deps.arm(await deps.minutes());
  };
}
