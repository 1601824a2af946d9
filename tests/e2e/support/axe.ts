import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export interface A11yScanOptions {
  /** Names the screen in the failure message ("entry detail, dark"). */
  screen?: string;
  /** CSS selectors to leave out, each with a reason in the caller. */
  exclude?: string[];
}

/**
 * Runs axe-core on the page as it is now (open dialogs included) and fails on any serious or critical
 * violation, listing rule, impact, help text and the offending elements so the fix is obvious.
 *
 *   await expectNoSeriousA11yViolations(page, { screen: 'entry list, dark' });
 */
export async function expectNoSeriousA11yViolations(page: Page, options: A11yScanOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
    }));
  expect(serious, `axe: serious or critical violations${options.screen ? ` on ${options.screen}` : ''}`).toEqual([]);
}
