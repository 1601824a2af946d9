import type { ElementHandle, Page } from 'puppeteer-core';

/**
 * What a user sees and does in a page, for Puppeteer over BiDi (no ARIA queries there): controls by their
 * label or name, text on screen, and trusted input (BiDi `input.performActions`) for clicks and typing.
 */
const POLL = { polling: 100, timeout: 15_000 };

/** The form control whose <label> reads exactly `label` (a required field's ` *` aside). */
export async function field(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (text) => [...document.querySelectorAll('label')].find((l) => l.textContent?.replace(/\s*\*$/, '').trim() === text)?.control ?? false,
    POLL,
    label,
  );
  return handle as ElementHandle<HTMLInputElement>;
}

/** The enabled button or link whose text or aria-label is `name`, optionally inside `within`. */
export async function control(page: Page, name: string | RegExp, within = 'body'): Promise<ElementHandle<HTMLElement>> {
  const pattern = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
  const handle = await page.waitForFunction(
    (source, scope) => {
      const re = new RegExp(source);
      const all = [...document.querySelectorAll(`${scope} button, ${scope} a, ${scope} [role=tab]`)] as HTMLButtonElement[];
      return all.find((b) => !b.disabled && b.checkVisibility() && re.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim())) ?? false;
    },
    POLL,
    pattern,
    within,
  );
  return handle as ElementHandle<HTMLElement>;
}

export async function click(page: Page, name: string | RegExp, within?: string): Promise<void> {
  await (await control(page, name, within)).click();
}

/** Types into the field labelled `label`, replacing what it held. */
export async function type(page: Page, label: string, value: string): Promise<void> {
  const input = await field(page, label);
  await input.click({ count: 3 });
  await input.press('Backspace');
  await input.type(value);
}

/** Waits until the page shows `text` (visible text, substring or pattern). */
export async function shows(page: Page, text: string | RegExp): Promise<void> {
  const source = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source;
  await page.waitForFunction((s) => new RegExp(s).test(document.body.innerText), POLL, source);
}

/** The value of the field labelled `label` once it matches `pattern`. */
export async function valueOf(page: Page, label: string, pattern: RegExp, within = 'body'): Promise<string> {
  const handle = await page.waitForFunction(
    (text, source, scope) => {
      const l = [...document.querySelectorAll(`${scope} label`)].find((x) => x.textContent?.trim() === text);
      const value = (l as HTMLLabelElement | undefined)?.control && ((l as HTMLLabelElement).control as HTMLInputElement).value;
      return value && new RegExp(source).test(value) ? value : false;
    },
    POLL,
    label,
    pattern.source,
    within,
  );
  return (await handle.jsonValue()) as string;
}
