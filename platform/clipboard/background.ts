import { browser } from 'wxt/browser';
import type { BackgroundFeature } from '../background-feature';
import { pendingClipboardClearsItem } from '../storage-items';
import { CLIPBOARD_ALARM, createClipboardClearer } from './clear-schedule';
import { createClipboardHandlers } from './handlers';
import { clearClipboardFromBackground } from './offscreen';

/** Clears what LWA Vault copied after the chosen delay (the user's setting), only if the clipboard still holds it. */
export function clipboardBackground({ delaySeconds }: { delaySeconds: () => Promise<number> }): BackgroundFeature<'clipboard.copied'> {
  const clearer = createClipboardClearer({
    delaySeconds,
    pending: { get: () => pendingClipboardClearsItem.getValue(), set: (v) => pendingClipboardClearsItem.setValue(v) },
    clearIfHolds: clearClipboardFromBackground,
    alarm: {
      create: async (when) => browser.alarms.create(CLIPBOARD_ALARM, { when }),
      clear: async () => void (await browser.alarms.clear(CLIPBOARD_ALARM)),
    },
    now: Date.now,
  });
  return { handlers: createClipboardHandlers(clearer), alarms: { [CLIPBOARD_ALARM]: () => clearer.clearIfDue() } };
}
