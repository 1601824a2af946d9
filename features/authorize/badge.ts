import { codeMsLeft } from '../amazon/redirect';
import type { Capture, Pending } from './model';

/**
 * The toolbar hint while a captured code is fresh: "5m" … "1m" (minutes left, rounded up) on green, so the
 * user sees there is a Result URL to copy or save. It names the alias, never the URL, code or state.
 * Undefined when no unsaved capture is fresh: the countdown badge owns the toolbar again.
 */
export interface CaptureBadgeHint {
  text: string;
  color: string;
  title: string;
}

/** Green with white text (contrast 6.9:1), distinct from the countdown badge's levels. */
export const CAPTURE_BADGE_COLOR = '#1E6B34';

export function captureBadgeHint(
  captures: readonly Capture[],
  now: number,
  pending: readonly Pending[] = [],
): CaptureBadgeHint | undefined {
  const saved = new Set(pending.filter((p) => p.savedAt !== undefined).map((p) => p.captureId));
  let freshest: { capture: Capture; msLeft: number } | undefined;
  for (const capture of captures) {
    if (saved.has(capture.id)) continue;
    const msLeft = codeMsLeft(capture.capturedAt, now);
    if (msLeft > 0 && (!freshest || msLeft > freshest.msLeft)) freshest = { capture, msLeft };
  }
  if (!freshest) return undefined;
  const alias = pending.find((p) => p.id === freshest.capture.pendingId)?.draft.alias;
  const minutes = Math.ceil(freshest.msLeft / 60_000);
  const who = alias ? ` for ${alias}` : ' (unverified)';
  return {
    text: `${minutes}m`,
    color: CAPTURE_BADGE_COLOR,
    title: `LWA Vault — Result URL captured${who}: about ${minutes} min left to use it. Open LWA Vault to copy or save it.`,
  };
}

export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/**
 * Shows the hint, or hands the toolbar back (`restore`) when there is none. The countdown badge should call
 * captureBadgeHint first and paint its own badge only when it is undefined (see README "Authorize").
 */
export async function paintCaptureBadge(
  action: BadgeAction,
  hint: CaptureBadgeHint | undefined,
  restore: () => Promise<void>,
): Promise<void> {
  if (!hint) return restore();
  await Promise.all([
    action.setBadgeText({ text: hint.text }),
    action.setBadgeBackgroundColor({ color: hint.color }),
    action.setTitle({ title: hint.title }),
  ]);
}
