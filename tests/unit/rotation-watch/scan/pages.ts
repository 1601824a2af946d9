import { Window } from 'happy-dom';

/**
 * Test pages: each happy-dom window stands in for a real page (its URL says which). Documents are handed to the
 * modules under test as plain DOM `Document`s; call `closeAll()` after each test.
 */

const open: Window[] = [];

export function pageAt(url: string, bodyHtml: string): Document {
  const win = new Window({ url });
  open.push(win);
  win.document.body.innerHTML = bodyHtml;
  return win.document as unknown as Document;
}

export async function closeAll(): Promise<void> {
  const windows = open.splice(0);
  await Promise.all(windows.map((win) => win.happyDOM.close()));
}


export { clientId, hex, secret } from '../../../support/identifiers';

export const SELLER_CONSOLE = 'https://sellercentral.amazon.com/sellingpartner/developerconsole';
export const VENDOR_CONSOLE = 'https://vendorcentral.amazon.com/sellingpartner/developerconsole';
export const SHOPCTRL_SETTINGS = 'https://acme.shopctrl.com:52222/Configuration/Shops/Edit/7';

/** Seller Central Developer Console: the app list (no client ids in rows) and the LWA credentials modal. */
export function sellerConsoleHtml(opts: { modalClientId?: string; modalSecret: string; rotationDate?: string }): string {
  const clientIdRow = opts.modalClientId
    ? `<div class="cred-row"><span class="cred-label">Client identifier</span><span class="cred-value">${opts.modalClientId}</span></div>`
    : '';
  return `
  <div class="kat-alert">Action Required: Rotate LWA Credentials <a href="#">Learn More</a></div>
  <h1>Developer Central</h1>
  <table class="app-list">
    <thead><tr><th>App name</th><th>App ID</th><th>LWA credentials</th></tr></thead>
    <tbody>
      <tr><td>ShopCtrl connector</td><td>amzn1.sp.solution.1b2c3d4e-0000-4000-8000-000000000001</td><td><a href="#" class="view">View</a> ⚠</td></tr>
      <tr><td>Cleo AMP</td><td>amzn1.sp.solution.1b2c3d4e-0000-4000-8000-000000000002</td><td><a href="#" class="view">View</a></td></tr>
    </tbody>
  </table>
  <div role="dialog" aria-modal="true" class="modal">
    <h2>LWA credentials</h2>
    ${clientIdRow}
    <div class="cred-row"><span class="cred-label">Client secret</span><span class="cred-value">${opts.modalSecret}</span>
      <button type="button" class="copy" aria-label="Copy client secret">⧉</button></div>
    ${opts.rotationDate ? `<p class="rotation">Target rotation date: ${opts.rotationDate}</p>` : ''}
    <button type="button">Rotate secret</button> <span title="Learn more about LWA credentials rotation">ⓘ</span>
  </div>`;
}
