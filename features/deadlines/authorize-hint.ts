import { captureBadgeHint, type CaptureBadgeHint } from '../authorize/badge';
import { captureStateItem } from '../authorize/storage';

/**
 * A freshly captured Result URL shows its minutes left on the toolbar; the countdown badge waits meanwhile, and
 * the capture watcher hands the toolbar back by asking for a repaint when its hint ends.
 */
export async function captureHint(now: number = Date.now()): Promise<CaptureBadgeHint | undefined> {
  const state = await captureStateItem.getValue();
  return state ? captureBadgeHint(state.captures, now, state.pending) : undefined;
}
