import {
  fillShopCtrlFields,
  findFieldByLabel,
  highlightField,
  rankFieldsByLabel,
  SHOPCTRL_LABELS,
  shopCtrlSectionPresent,
  type ShopCtrlFieldName,
  type ShopCtrlValues,
} from './fields';
import { FIELD_NAMES } from './field-names';
import { showShopCtrlNotice } from './notice';

/**
 * What runs inside the user's ShopCtrl tab (injected by the background with `scripting.executeScript`, in the
 * extension's isolated world, so the page's scripts never see the values handed in). It fills LWA Client
 * Secret, highlights it, and leaves a notice beside it that lists what changed, offers the other fields that
 * differ, and asks the user to Save and Close. It never clicks Save.
 */

export interface PageFillRequest {
  clientSecret: string;
  /** Offered, not filled: LWA Client Id, Refresh Token, Vendor code when the entry has them. */
  extras: Omit<ShopCtrlValues, 'clientSecret'>;
  /** How long to wait for the section to appear (a page still rendering after `load`). */
  waitMs: number;
  /** Shown when the fields are not on this page. */
  directions: string;
}

/** What the background hands in: the request plus the origin it checked the tab's document on. */
export type CheckedFillRequest = PageFillRequest & { origin: string };

export type PageFillResult =
  | { present: true; filled: ShopCtrlFieldName[]; unchanged: ShopCtrlFieldName[]; offered: ShopCtrlFieldName[] }
  | { present: false };

/**
 * The injected entry point: re-checks, inside the page, that this document is on the origin the background
 * checked before any value is set (a navigation in between would otherwise get the secret). Undefined: refused.
 */
export async function fillCheckedPage(doc: Document, request: CheckedFillRequest): Promise<PageFillResult | undefined> {
  if (doc.defaultView?.location.origin !== request.origin) return undefined;
  return fillShopCtrlPage(doc, request);
}

export async function fillShopCtrlPage(doc: Document, request: PageFillRequest): Promise<PageFillResult> {
  if (!(await waitForSection(doc, request.waitMs))) {
    showShopCtrlNotice(doc, null, { lines: ['LWA Vault found no LWA Client Secret field on this page.', request.directions] });
    return { present: false };
  }
  const result = fillShopCtrlFields(doc, { clientSecret: request.clientSecret });
  const offered = fieldsThatDiffer(doc, request.extras);
  const field = findFieldByLabel(doc, SHOPCTRL_LABELS.clientSecret[0]!) ?? findFieldByLabel(doc, SHOPCTRL_LABELS.clientSecret[1]!);
  if (field) highlightField(field, 8000);

  const changed = result.filled.length ? `Filled ${names(result.filled)}.` : `${names(result.unchanged)} already held this secret.`;
  const notice = showShopCtrlNotice(doc, field, {
    lines: [changed, 'Nothing is saved yet: review, then click Save and Close.'],
    offer: offered.length
      ? {
          text: `Also different on this page: ${names(offered)}.`,
          button: 'Fill these too',
          onAccept: () => {
            const extra = fillShopCtrlFields(doc, pick(request.extras, offered));
            notice.setLines([
              `Filled ${names([...result.filled, ...extra.filled])}.`,
              'Nothing is saved yet: review, then click Save and Close.',
            ]);
          },
        }
      : undefined,
  });
  return { present: true, filled: result.filled, unchanged: result.unchanged, offered };
}

/** The extra fields found on the page whose value differs from the entry's (values never leave this world). */
export function fieldsThatDiffer(doc: Document, extras: PageFillRequest['extras']): ShopCtrlFieldName[] {
  const differ: ShopCtrlFieldName[] = [];
  for (const name of ['clientId', 'refreshToken', 'vendorCode'] as const) {
    const value = extras[name];
    if (!value) continue;
    const field = SHOPCTRL_LABELS[name].map((label) => rankFieldsByLabel(doc, label)[0]).find(Boolean);
    if (field && field.value !== value) differ.push(name);
  }
  return differ;
}

async function waitForSection(doc: Document, waitMs: number): Promise<boolean> {
  const until = Date.now() + waitMs;
  for (;;) {
    if (shopCtrlSectionPresent(doc)) return true;
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function names(fields: readonly ShopCtrlFieldName[]): string {
  return fields.map((f) => FIELD_NAMES[f]).join(', ');
}

function pick(values: PageFillRequest['extras'], fields: readonly ShopCtrlFieldName[]): ShopCtrlValues {
  const picked: ShopCtrlValues = {};
  for (const f of fields) if (f !== 'clientSecret') picked[f] = values[f];
  return picked;
}
