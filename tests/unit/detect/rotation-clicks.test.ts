// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ROTATION_WINDOW_MS,
  classifyFinding,
  createPreRotationMemory,
  watchRotateClicks,
  type RotateClick,
} from '../../../utils/detect/rotation-clicks';
import { scanForSecrets } from '../../../utils/detect/scan';
import { SELLER_CONSOLE, clientId, closeAll, pageAt, secret, sellerConsoleHtml } from './pages';

afterEach(closeAll);

describe('watchRotateClicks', () => {
  it('marks a click on the "Rotate secret" button with its time', () => {
    const doc = pageAt(SELLER_CONSOLE, sellerConsoleHtml({ modalClientId: clientId(1), modalSecret: secret(1) }));
    const onRotate = vi.fn<(click: RotateClick) => void>();
    const stop = watchRotateClicks(doc, onRotate, { now: () => 1_000 });
    const button = Array.from(doc.querySelectorAll('button')).find((b) => b.textContent === 'Rotate secret')!;
    button.click();
    expect(onRotate).toHaveBeenCalledWith({ at: 1_000, element: button });
    stop();
    button.click();
    expect(onRotate).toHaveBeenCalledTimes(1);
  });

  it('ignores other buttons and links', () => {
    const doc = pageAt(SELLER_CONSOLE, sellerConsoleHtml({ modalSecret: secret(1) }));
    const onRotate = vi.fn();
    watchRotateClicks(doc, onRotate);
    (doc.querySelector('a.view') as HTMLElement).click();
    (doc.querySelector('button.copy') as HTMLElement).click();
    (doc.querySelector('.kat-alert a') as HTMLElement).click(); // "Learn More" under "Rotate LWA Credentials"
    doc.querySelector('h2')!.click();
    expect(onRotate).not.toHaveBeenCalled();
  });

  it('accepts "Rotate keys" on a link and a click on an icon inside the button', () => {
    const doc = pageAt(SELLER_CONSOLE, '<a href="#" role="button"><i class="icon"></i> Rotate   keys</a>');
    const onRotate = vi.fn();
    watchRotateClicks(doc, onRotate);
    (doc.querySelector('i') as HTMLElement).click();
    expect(onRotate).toHaveBeenCalledTimes(1);
  });

  it('sees a button inside an open shadow root, named by the host label', () => {
    const doc = pageAt(SELLER_CONSOLE, '<kat-button label="Rotate secret" variant="primary"></kat-button>');
    const shadow = doc.querySelector('kat-button')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button part="button"><slot></slot></button>';
    const onRotate = vi.fn<(click: RotateClick) => void>();
    watchRotateClicks(doc, onRotate);
    shadow.querySelector('button')!.click();
    expect(onRotate).toHaveBeenCalledTimes(1);
    expect(onRotate.mock.calls[0]![0].element.tagName).toBe('KAT-BUTTON');
  });

  it('does not take Cancel for Rotate in a button group that also says "Rotate secret"', () => {
    const doc = pageAt(
      SELLER_CONSOLE,
      '<kat-button-group><button class="ok">Rotate secret</button><button class="cancel">Cancel</button></kat-button-group>',
    );
    const onRotate = vi.fn();
    watchRotateClicks(doc, onRotate);
    (doc.querySelector('.cancel') as HTMLElement).click();
    expect(onRotate).not.toHaveBeenCalled();
    (doc.querySelector('.ok') as HTMLElement).click();
    expect(onRotate).toHaveBeenCalledTimes(1);
  });

  it('lets the caller remember the secret visible before the rotation, inside the click', () => {
    const doc = pageAt(SELLER_CONSOLE, sellerConsoleHtml({ modalClientId: clientId(1), modalSecret: secret(1) }));
    const memory = createPreRotationMemory();
    watchRotateClicks(doc, () => memory.remember(scanForSecrets(doc)));
    const button = Array.from(doc.querySelectorAll('button')).find((b) => b.textContent === 'Rotate secret')!;
    button.addEventListener('click', () => {
      doc.querySelector('.cred-row:nth-of-type(2) .cred-value')!.textContent = secret(2); // the page rotates
    });
    button.click();
    const [after] = scanForSecrets(doc);
    expect(after!.secret).toBe(secret(2));
    expect(memory.previousSecret(after!.clientId, after!.secret)).toBe(secret(1));
  });
});

describe('classifyFinding', () => {
  const now = 10_000_000;
  const known = new Map([[clientId(1), secret(1)]]);

  it('is up-to-date when the vault already holds it as current', () => {
    expect(classifyFinding({ secret: secret(1), clientId: clientId(1) }, { now, knownSecrets: known, seenBefore: new Set() })).toBe(
      'up-to-date',
    );
    expect(classifyFinding({ secret: secret(1) }, { now, knownSecrets: known, seenBefore: new Set() })).toBe('up-to-date');
  });

  it('is new when first seen within the window after a Rotate click', () => {
    const context = { now, rotateClickedAt: now - 30_000, seenBefore: new Set<string>() };
    expect(classifyFinding({ secret: secret(2) }, context)).toBe('new');
    expect(classifyFinding({ secret: secret(2), clientId: clientId(2) }, context)).toBe('new');
  });

  it('is not new when the click is too long ago and nothing else says so', () => {
    const context = { now, rotateClickedAt: now - ROTATION_WINDOW_MS - 1, seenBefore: new Set<string>() };
    expect(classifyFinding({ secret: secret(2), clientId: clientId(2) }, context)).toBe('seen');
  });

  it('is new when it differs from the vault current secret for its client id, even without a click', () => {
    expect(classifyFinding({ secret: secret(9), clientId: clientId(1) }, { now, knownSecrets: known, seenBefore: new Set() })).toBe(
      'new',
    );
  });

  it('is seen when it was already on the page before (the old secret still shown after the click)', () => {
    const context = { now, rotateClickedAt: now - 1_000, knownSecrets: known, seenBefore: new Set([secret(9)]) };
    expect(classifyFinding({ secret: secret(9), clientId: clientId(1) }, context)).toBe('seen');
  });

  it('is seen for an unknown client id with no Rotate click', () => {
    expect(classifyFinding({ secret: secret(3), clientId: clientId(3) }, { now, knownSecrets: known, seenBefore: new Set() })).toBe(
      'seen',
    );
  });
});

describe('createPreRotationMemory', () => {
  it('returns the previous secret per client id, never the new one', () => {
    const memory = createPreRotationMemory();
    memory.remember([
      { secret: secret(1), clientId: clientId(1) },
      { secret: secret(2), clientId: clientId(2) },
    ]);
    expect(memory.previousSecret(clientId(1), secret(5))).toBe(secret(1));
    expect(memory.previousSecret(clientId(2), secret(2))).toBeUndefined();
    expect(memory.previousSecret(undefined, secret(5))).toBeUndefined(); // two candidates: ambiguous
    memory.clear();
    memory.remember([{ secret: secret(1) }]);
    expect(memory.previousSecret(undefined, secret(5))).toBe(secret(1));
    expect(memory.previousSecret(clientId(3), secret(5))).toBe(secret(1));
  });
});
