// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLockedPage } from '../../../features/popup/locked-page';
import { Unlock } from '../../../features/vault/ui/Unlock';

const send = vi.hoisted(() => vi.fn());
vi.mock('../../../platform/client', async (actual) => ({ ...(await actual<object>()), send }));

const LOCKED = { exists: true, unlocked: false };
const PASSPHRASE = 'amber lantern cobalt meadow';
let container: HTMLElement | undefined;

afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = undefined;
  send.mockReset();
});

/** The locked page's static screen, as entrypoints/locked/index.html has it (trimmed to what is read). */
function staticScreen({ typed, submitted }: { typed: string; submitted: boolean }): HTMLElement {
  const root = document.createElement('div');
  root.setAttribute('data-locked-page', '');
  const form = document.createElement('form');
  if (submitted) form.setAttribute('data-submitted', '');
  const field = document.createElement('input');
  field.type = 'password';
  form.append(field);
  root.append(form);
  document.body.append(root);
  field.value = typed;
  return root;
}

async function mountUnlock(props: { typed?: string; submitTyped?: boolean }) {
  send.mockImplementation(async (type: string) => (type === 'vault.unlock' ? { exists: true, unlocked: true } : { due: [], more: 0 }));
  const onUnlocked = vi.fn();
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(<Unlock status={LOCKED} onUnlocked={onUnlocked} {...props} />, container!));
  return onUnlocked;
}

describe('the locked page taken over', () => {
  it('reads what was typed, whether it was submitted, and only on the locked page', () => {
    expect(readLockedPage(staticScreen({ typed: PASSPHRASE, submitted: true }))).toMatchObject({ passphrase: PASSPHRASE, submitted: true });
    expect(readLockedPage(staticScreen({ typed: 'amber', submitted: false }))).toMatchObject({ passphrase: 'amber', submitted: false });
    expect(readLockedPage(document.createElement('div'))).toBeUndefined();
  });

  it('puts focus and the caret back in the field when the takeover lost them', () => {
    const root = staticScreen({ typed: PASSPHRASE, submitted: false });
    const field = root.querySelector('input')!;
    field.focus();
    field.setSelectionRange(5, 5);
    const page = readLockedPage(root)!;
    field.blur();
    page.restoreFocus();
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([5, 5]);
  });

  it('unlocks at once with what was typed when the static screen was submitted', async () => {
    const onUnlocked = await mountUnlock({ typed: PASSPHRASE, submitTyped: true });
    await vi.waitFor(() => expect(onUnlocked).toHaveBeenCalledWith({ exists: true, unlocked: true }));
    expect(send).toHaveBeenCalledWith('vault.unlock', { passphrase: PASSPHRASE });
  });

  it('waits for the user when the static screen was not submitted, or nothing was typed', async () => {
    await mountUnlock({ typed: PASSPHRASE, submitTyped: false });
    render(null, container!);
    await mountUnlock({ typed: '', submitTyped: true });
    expect(send).not.toHaveBeenCalledWith('vault.unlock', expect.anything());
    expect(container!.querySelector<HTMLInputElement>('input[type="password"]')!.value).toBe('');
  });
});
