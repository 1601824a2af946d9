import { browser } from 'wxt/browser';
import type { Badge } from './badge';

/** The slice of `browser.action` the badge needs; tests pass the fake browser's. */
export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
  setBadgeTextColor?(details: { color: string }): Promise<void>;
}

/** White text: every BADGE_COLORS background keeps it at a contrast of 4.5:1 or more. */
export const BADGE_TEXT_COLOR = '#FFFFFF';

export async function paintBadge(badge: Pick<Badge, 'text' | 'color' | 'title'>, action: BadgeAction = browser.action): Promise<void> {
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
    action.setBadgeTextColor?.({ color: BADGE_TEXT_COLOR }),
  ]);
}
