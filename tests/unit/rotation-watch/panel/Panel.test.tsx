// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClickGuard } from '../../../../features/rotation-watch/panel/bridge';
import { Panel, type PanelApi } from '../../../../features/rotation-watch/panel/Panel';
import type { SaveOutcome, ShopCtrlOutcome, SightingView } from '../../../../features/rotation-watch/protocol';

const VIEW: SightingView = {
  answer: 'new',
  host: 'sellercentral.amazon.com',
  kind: 'seller',
  clientId: 'amzn1.application-oa2-client.0123456789abcdef0123456789abcdef',
  afterRotateClick: true,
  hasPrevious: true,
  vault: 'unlocked',
  entry: { alias: 'US seller' },
  suggestion: { alias: 'Seller Central US app …abcdef', kind: 'seller', region: 'NA' },
  save: 'not-saved',
};

const allow: ClickGuard = { check: () => 'ok', hold: () => undefined, observe: () => undefined };
let container: HTMLElement | undefined;

function api(overrides: Partial<PanelApi> = {}): PanelApi {
  return {
    view: vi.fn(async () => VIEW),
    copy: vi.fn(async () => 30),
    save: vi.fn(async (): Promise<SaveOutcome> => ({ state: 'saved', alias: 'US seller', rotated: true })),
    setShopCtrlUrl: vi.fn(async () => ({ host: 'acme.shopctrl.com' })),
    sendToShopCtrl: vi.fn(async (): Promise<ShopCtrlOutcome> => ({ state: 'filled', host: 'acme.shopctrl.com', filled: ['clientSecret'], unchanged: [], offered: [] })),
    check: vi.fn(async () => ({ outcome: 'secret-rejected' as const, message: 'Secret rejected: Amazon answered invalid_client.' })),
    openVault: vi.fn(async () => undefined),
    close: vi.fn(),
    ...overrides,
  };
}

async function mount(panelApi: PanelApi, guard: ClickGuard = allow) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(<Panel api={panelApi} guard={guard} pollMs={10} />, container!));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return container;
}

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name)!;
const status = (root: HTMLElement) => root.querySelector('[role=status]')!.textContent ?? '';
const press = async (el: HTMLElement) => act(async () => void el.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 })));
/** One turn of the event loop: the panel's api calls (resolved fakes) settle and it re-renders. */
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

afterEach(() => {
  if (container) render(null, container);
  container?.remove();
});

describe('Panel', () => {
  it('offers to check a saved secret with Amazon, and says what Amazon answered', async () => {
    let view: SightingView = VIEW;
    const fake = api({ view: vi.fn(async () => view) });
    const root = await mount(fake);
    // There before the save, so the card does not grow when it completes; disabled, saying why.
    expect(button(root, 'Check with Amazon').disabled).toBe(true);
    expect(button(root, 'Check with Amazon').title).toBe('Save the secret to its vault entry first; then LWA Vault can check it with Amazon.');
    view = { ...view, save: 'saved', savedAlias: 'US seller' };
    await press(button(root, 'Save to vault'));
    await flush();
    expect(button(root, 'Check with Amazon').disabled).toBe(false);
    expect(button(root, 'Check with Amazon').title).toBe('');
    await press(button(root, 'Check with Amazon'));
    await flush();
    expect(fake.check).toHaveBeenCalledOnce();
    expect(status(root)).toBe('Secret rejected: Amazon answered invalid_client.');
  });

  it('names the entry and saves on Save to vault', async () => {
    const fake = api();
    const root = await mount(fake);
    expect(root.textContent).toContain('For US seller');
    expect(root.textContent).toContain('seen on sellercentral.amazon.com after Rotate secret');
    await press(button(root, 'Save to vault'));
    await flush();
    expect(fake.save).toHaveBeenCalledWith();
    expect(status(root)).toContain('Saved to “US seller”: its 180-day clock restarted.');
  });

  it('copies and says when the clipboard is cleared', async () => {
    const root = await mount(api());
    await press(button(root, 'Copy for ShopCtrl'));
    await flush();
    expect(status(root)).toBe('Copied. The clipboard is cleared in 30 s.');
  });

  it('ignores a click the clickjacking guard refuses', async () => {
    const fake = api();
    const root = await mount(fake, { check: () => 'just-moved', hold: () => undefined, observe: () => undefined });
    await press(button(root, 'Save to vault'));
    await flush();
    expect(fake.save).not.toHaveBeenCalled();
    expect(status(root)).toContain('The panel just moved');
  });

  it('checks with Amazon only for a click the clickjacking guard accepts, like saving', async () => {
    const fake = api({ view: vi.fn(async () => ({ ...VIEW, save: 'saved' as const, savedAlias: 'US seller' })) });
    let verdict: ReturnType<ClickGuard['check']> = 'not-visible';
    const root = await mount(fake, { check: () => verdict, hold: () => undefined, observe: () => undefined });
    await press(button(root, 'Check with Amazon'));
    await flush();
    expect(fake.check).not.toHaveBeenCalled();
    expect(status(root)).toContain('press Enter on the button');
    verdict = 'untrusted';
    await press(button(root, 'Check with Amazon'));
    await flush();
    expect(fake.check).not.toHaveBeenCalled();
    verdict = 'ok';
    await press(button(root, 'Check with Amazon'));
    await flush();
    expect(fake.check).toHaveBeenCalledOnce();
  });

  it('asks for keyboard activation when the browser cannot see the panel unobscured', async () => {
    const fake = api();
    const root = await mount(fake, { check: () => 'not-visible', hold: () => undefined, observe: () => undefined });
    await press(button(root, 'Save to vault'));
    await flush();
    expect(fake.save).not.toHaveBeenCalled();
    expect(status(root)).toContain('press Enter on the button');
  });

  it.each([
    ['up-to-date', 'LWA Vault Up to date', false],
    ['previous', 'LWA Vault Previous secret, 4 days left', false],
    ['offer', 'LWA Vault Not in LWA Vault', true],
    ['locked', 'LWA Vault Locked: unlock to compare', true],
    ['new', 'LWA Vault New client secret', true],
  ] as const)('says the answer %s in its heading, with actions only where there is something to do', async (answer, heading, actions) => {
    const root = await mount(api({ view: vi.fn(async () => ({ ...VIEW, answer, previousDaysLeft: 4 })) }));
    expect(root.querySelector('h1')!.textContent!.replace(/\s+/g, ' ').trim()).toBe(heading);
    expect(Boolean(button(root, 'Save to vault'))).toBe(actions);
    expect(root.querySelector('[data-card]')!.getAttribute('data-answer')).toBe(answer);
  });

  it('while locked: waits for the unlock and says when the save completed', async () => {
    let view: SightingView = { ...VIEW, vault: 'locked' };
    const fake = api({ view: vi.fn(async () => view), save: vi.fn(async (): Promise<SaveOutcome> => ((view = { ...view, save: 'pending-unlock' }), { state: 'pending-unlock' })) });
    const root = await mount(fake);
    await press(button(root, 'Save to vault'));
    await flush();
    expect(status(root)).toContain('LWA Vault is locked. Unlock it from the toolbar button');
    expect(button(root, 'Waiting for unlock').disabled).toBe(true);
    await press(button(root, 'Open LWA Vault'));
    expect(fake.openVault).toHaveBeenCalled();
    view = { ...view, vault: 'unlocked', save: 'saved', savedAlias: 'US seller' };
    // The panel asks again on its poll (every 10 ms here) until the save completed.
    await vi.waitFor(async () => {
      await flush();
      expect(status(root)).toContain('Unlocked: Saved to “US seller”');
    });
  });

  it('offers a prefilled new entry when none matches', async () => {
    const fake = api({
      view: vi.fn(async () => ({ ...VIEW, entry: undefined })),
      save: vi.fn(async (input?: unknown): Promise<SaveOutcome> => (input ? { state: 'saved', alias: 'Mine', rotated: true } : { state: 'needs-entry' })),
    });
    const root = await mount(fake);
    expect(root.textContent).toContain('No vault entry has client id …abcdef yet');
    await press(button(root, 'Save to vault'));
    await flush();
    const alias = root.querySelector<HTMLInputElement>('#ne-alias')!;
    expect(alias.value).toBe('Seller Central US app …abcdef');
    expect(root.querySelector<HTMLSelectElement>('#ne-kind')!.value).toBe('seller');
    await act(async () => {
      alias.value = 'Mine';
      alias.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await press(button(root, 'Create entry and save'));
    await flush();
    expect(fake.save).toHaveBeenLastCalledWith({ alias: 'Mine', kind: 'seller', region: 'NA' });
    expect(status(root)).toContain('Saved to “Mine”');
  });

  it('asks for the ShopCtrl address, then fills and tells the user to Save and Close there', async () => {
    let outcome: ShopCtrlOutcome = { state: 'needs-url' };
    const fake = api({ sendToShopCtrl: vi.fn(async () => outcome) });
    const root = await mount(fake);
    await press(button(root, 'Open ShopCtrl and fill'));
    await flush();
    expect(status(root)).toContain('Which ShopCtrl shop?');
    const url = root.querySelector<HTMLInputElement>('#sc-url')!;
    await act(async () => {
      url.value = 'https://acme.shopctrl.com/Shops/Edit/7';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    outcome = { state: 'filled', host: 'acme.shopctrl.com', filled: ['clientSecret'], unchanged: [], offered: ['refreshToken'] };
    await press(button(root, 'Save address and fill'));
    await flush();
    expect(fake.setShopCtrlUrl).toHaveBeenCalledWith('https://acme.shopctrl.com/Shops/Edit/7');
    expect(status(root)).toContain('Filled LWA Client Secret on acme.shopctrl.com. Also different there: Refresh Token');
    expect(status(root)).toContain('click Save and Close');
  });

  it('says where in ShopCtrl to go when the fields are not on the page', async () => {
    const fake = api({ sendToShopCtrl: vi.fn(async (): Promise<ShopCtrlOutcome> => ({ state: 'no-section', host: 'acme.shopctrl.com', directions: 'Configuration > Shops > …' })) });
    const root = await mount(fake);
    await press(button(root, 'Open ShopCtrl and fill'));
    await flush();
    expect(status(root)).toContain('No LWA Client Secret field on acme.shopctrl.com.');
    expect(status(root)).toContain('Configuration > Shops > …');
  });

  it('closes from its Dismiss button', async () => {
    const fake = api();
    const root = await mount(fake);
    await press(button(root, 'Dismiss'));
    expect(fake.close).toHaveBeenCalled();
  });
});
