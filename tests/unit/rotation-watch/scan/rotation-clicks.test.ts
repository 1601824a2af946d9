// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appearedWhereClicked, createPreRotationMemory, watchConsoleClicks, type ConsoleClick } from '../../../../features/rotation-watch/scan/rotation-clicks';
import { scanForSecrets } from '../../../../features/rotation-watch/scan/scan';
import { SELLER_CONSOLE, clientId, closeAll, pageAt, secret, sellerConsoleHtml } from './pages';

afterEach(closeAll);

/** A click as the user makes it (the browser marks it trusted; a page's `click()` is not). */
function userClick(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { get: () => true });
  el.dispatchEvent(event);
}

describe('watchConsoleClicks', () => {
  it('reports a user click on "Rotate secret" with its time, dialog and client id, and only while watching', () => {
    const doc = pageAt(SELLER_CONSOLE, sellerConsoleHtml({ modalClientId: clientId(1), modalSecret: secret(1) }));
    const onClick = vi.fn<(click: ConsoleClick) => void>();
    const stop = watchConsoleClicks(doc, onClick, { now: () => 1_000 });
    const button = Array.from(doc.querySelectorAll('button')).find((b) => b.textContent === 'Rotate secret')!;
    userClick(button);
    expect(onClick).toHaveBeenCalledWith(expect.objectContaining({ at: 1_000, element: button, namedRotate: true, clientIds: [clientId(1)] }));
    stop();
    userClick(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it("never counts a page script's synthetic click", () => {
    const doc = pageAt(SELLER_CONSOLE, sellerConsoleHtml({ modalClientId: clientId(1), modalSecret: secret(1) }));
    const onClick = vi.fn();
    watchConsoleClicks(doc, onClick);
    const button = Array.from(doc.querySelectorAll('button')).find((b) => b.textContent === 'Rotate secret')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onClick).not.toHaveBeenCalled();
  });

  it('ignores links, disclosure arrows and non-controls', () => {
    const doc = pageAt(
      SELLER_CONSOLE,
      `${sellerConsoleHtml({ modalSecret: secret(1) })}<button aria-expanded="false" class="arrow">▸</button>`,
    );
    const onClick = vi.fn();
    watchConsoleClicks(doc, onClick);
    userClick(doc.querySelector('a.view')!);
    userClick(doc.querySelector('.arrow')!);
    userClick(doc.querySelector('h2')!);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('recognises a rotation in any language by where the click was, not by its label', () => {
    const doc = pageAt(
      SELLER_CONSOLE,
      `<div role="dialog"><p>Client-ID: ${clientId(4)}</p><p class="s">${secret(4)}</p><button>Geheimnis rotieren</button></div>` +
        `<section><p>${clientId(5)}</p><button class="other">ローテーション</button></section><p class="elsewhere"></p>`,
    );
    const clicks: ConsoleClick[] = [];
    watchConsoleClicks(doc, (click) => clicks.push(click));
    userClick(doc.querySelector('[role=dialog] button')!);
    userClick(doc.querySelector('.other')!);
    const [inDialog, inRegion] = clicks;
    expect(inDialog).toMatchObject({ namedRotate: false, clientIds: [clientId(4)] });
    expect(appearedWhereClicked(inDialog!, doc.querySelector('.s')!, undefined)).toBe(true); // same dialog
    expect(appearedWhereClicked(inRegion!, doc.querySelector('.elsewhere')!, clientId(5))).toBe(true); // same client id
    expect(appearedWhereClicked(inRegion!, doc.querySelector('.elsewhere')!, clientId(4))).toBe(false);
    expect(appearedWhereClicked(inDialog!, doc.querySelector('.elsewhere')!, undefined)).toBe(false);
  });

  it('sees a button inside an open shadow root', () => {
    const doc = pageAt(SELLER_CONSOLE, '<kat-button label="Rotate secret" variant="primary"></kat-button>');
    const shadow = doc.querySelector('kat-button')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button part="button"><slot></slot></button>';
    const onClick = vi.fn<(click: ConsoleClick) => void>();
    watchConsoleClicks(doc, onClick);
    userClick(shadow.querySelector('button')!);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('lets the caller remember the secret visible before the rotation, inside the click', () => {
    const doc = pageAt(SELLER_CONSOLE, sellerConsoleHtml({ modalClientId: clientId(1), modalSecret: secret(1) }));
    const memory = createPreRotationMemory();
    watchConsoleClicks(doc, () => memory.remember(scanForSecrets(doc)));
    const button = Array.from(doc.querySelectorAll('button')).find((b) => b.textContent === 'Rotate secret')!;
    button.addEventListener('click', () => {
      doc.querySelector('.cred-row:nth-of-type(2) .cred-value')!.textContent = secret(2); // the page rotates
    });
    userClick(button);
    const [after] = scanForSecrets(doc);
    expect(after!.secret).toBe(secret(2));
    expect(memory.previousSecret(after!.clientId, after!.secret)).toBe(secret(1));
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
    const single = createPreRotationMemory();
    single.remember([{ secret: secret(1) }]);
    expect(single.previousSecret(undefined, secret(5))).toBe(secret(1));
    expect(single.previousSecret(clientId(3), secret(5))).toBe(secret(1));
  });
});
