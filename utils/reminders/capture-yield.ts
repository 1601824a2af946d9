import { captureBadgeHint } from '../capture/badge';
import { captureStateItem } from '../capture/storage';

/**
 * True while a freshly captured Result URL shows its minutes left on the toolbar: the countdown badge waits,
 * and the capture watcher hands the toolbar back by asking for a repaint when its hint ends.
 */
export async function captureHoldsToolbar(now: number = Date.now()): Promise<boolean> {
  const state = await captureStateItem.getValue();
  return state !== null && state !== undefined && captureBadgeHint(state.captures, now, state.pending) !== undefined;
}
