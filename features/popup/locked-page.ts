import type { VaultStatus } from '../vault/protocol';

/**
 * The locked page (entrypoints/locked/index.html) is what the toolbar button opens while the vault is locked
 * (features/vault/toolbar-popup.ts): its locked screen is static HTML, painted before any script runs. The
 * popup's script then renders the same screen over it, keeping what the user typed meanwhile.
 */
export interface LockedPage {
  /** What the static screen's passphrase field held when the script took over. */
  passphrase: string;
  /** The user pressed Enter or Unlock on the static screen (`rememberEarlySubmit`). */
  submitted: boolean;
  /** Puts focus (and the caret) back in the passphrase field if taking over moved it away. */
  restoreFocus(): void;
}

/** Marks the static form as submitted before the script took over. */
const SUBMITTED = 'data-submitted';

/**
 * Run by the locked page's own small script, before the popup's code is there: an Enter or Unlock on the static
 * form is remembered (the form itself never submits). Returns what to call once the popup's code has taken over.
 */
export function rememberEarlySubmit(form: HTMLFormElement | null): () => void {
  const remember = (event: Event) => {
    event.preventDefault();
    form?.setAttribute(SUBMITTED, '');
  };
  form?.addEventListener('submit', remember);
  return () => form?.removeEventListener('submit', remember);
}

/** The status the locked page stands for until the vault's own answer arrives. */
export const LOCKED: VaultStatus = { exists: true, unlocked: false };

export function readLockedPage(root: HTMLElement): LockedPage | undefined {
  if (!root.hasAttribute('data-locked-page')) return undefined;
  const field = root.querySelector<HTMLInputElement>('input[type="password"]');
  const focused = !!field && document.activeElement === field;
  const caret = [field?.selectionStart ?? null, field?.selectionEnd ?? null] as const;
  return {
    passphrase: field?.value ?? '',
    submitted: root.querySelector('form')?.hasAttribute(SUBMITTED) ?? false,
    restoreFocus() {
      const now = root.querySelector<HTMLInputElement>('input[type="password"]');
      if (!focused || !now || document.activeElement === now) return;
      now.focus();
      if (caret[0] !== null && caret[1] !== null) now.setSelectionRange(caret[0], caret[1]);
    },
  };
}
