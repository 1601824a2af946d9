import {
  checkApplicationId,
  checkClientId,
  checkClientSecret,
  checkRedirectUri,
  checkRefreshToken,
  checkSellerId,
  checkVendorCode,
  checkVendorGroupId,
  normalizePasted,
  SELLER_ID_RULE,
  VENDOR_CODE_RULE,
  VENDOR_GROUP_ID_RULE,
  type Check,
} from '../../amazon/identifiers';
import type { Region } from '../../amazon/hosts';
import { marketplaceByCode } from '../../amazon/hosts';
import { parseCredentialBlock, type CredentialBlock, type CredentialField } from '../../amazon/paste';
import { classifyRedirect, validateResultUrl } from '../../amazon/redirect';
import { addDays, SECRET_LIFETIME_DAYS } from '../../deadlines/rules';
import { checkShopCtrlUrl } from '../../shopctrl/url';
import type { EntryInputMeta } from '../protocol';
import type { EntryMeta, EntrySecrets } from '../../vault/schema';
import { startOfDateInput, toDateInput } from './dates';

/**
 * The entry editor's state as plain strings (what the inputs hold), and the conversions between it and a
 * vault entry. Pure: `now` and the time zone are parameters.
 */

export type Kind = EntryMeta['kind'];
export type Connector = EntryMeta['connector'];
export type Environment = EntryMeta['environment'];

export interface EntryForm {
  kind: Kind;
  connector: Connector;
  alias: string;
  environment: Environment;
  region: Region;
  /** Marketplace code from features/amazon/hosts, or '' for none. */
  marketplace: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  applicationId: string;
  redirectUri: string;
  /** A seller's selling partner id, or for a vendor the vendor group or the vendor code ShopCtrl asks for. */
  sellingPartnerId: string;
  resultUrl: string;
  shopCtrlUrl: string;
  notes: string;
  /** Which date the user knows: when the current secret was issued, or the expiry Amazon states. */
  secretDate: 'issued' | 'stated';
  secretIssuedOn: string;
  secretExpiresOn: string;
  /** The day the app was authorized: its 365-day renewal counts from it. */
  authorizedOn: string;
  /** Fields whose format warning the user chose to override. */
  saveAnyway: FieldName[];
}

export type FieldName = Exclude<keyof EntryForm, 'saveAnyway' | 'secretDate'>;

export const CONNECTOR_LABELS: Record<Connector, string> = {
  'cleo-amp': 'Cleo Amazon Marketplace',
  'shopctrl-1p': 'ShopCtrl Amazon 1P (Vendor Central)',
  'shopctrl-3p': 'ShopCtrl Amazon 3P (Seller Central)',
  other: 'Other',
};

export const KIND_LABELS: Record<Kind, string> = { seller: 'Seller Central app', vendor: 'Vendor Central app' };
export const ENVIRONMENT_LABELS: Record<Environment, string> = { production: 'Production', sandbox: 'Sandbox' };
export const REGION_LABELS: Record<Region, string> = { NA: 'North America', EU: 'Europe', FE: 'Far East' };

/** The kind of app a connector talks to: ShopCtrl 1P is Vendor Central, the others Seller Central. */
export const KIND_OF_CONNECTOR: Partial<Record<Connector, Kind>> = {
  'cleo-amp': 'seller',
  'shopctrl-1p': 'vendor',
  'shopctrl-3p': 'seller',
};

export function emptyForm(): EntryForm {
  return {
    kind: 'seller',
    connector: 'other',
    alias: '',
    environment: 'production',
    region: 'NA',
    marketplace: '',
    clientId: '',
    clientSecret: '',
    refreshToken: '',
    applicationId: '',
    redirectUri: '',
    sellingPartnerId: '',
    resultUrl: '',
    shopCtrlUrl: '',
    notes: '',
    // No date is assumed: without one the secret is "Date unknown". The expiry Amazon shows is the first choice.
    secretDate: 'stated',
    secretIssuedOn: '',
    secretExpiresOn: '',
    authorizedOn: '',
    saveAnyway: [],
  };
}

export function formFromEntry(meta: EntryMeta, secrets: EntrySecrets, timeZone: string): EntryForm {
  const date = (at: number | undefined) => (at === undefined ? '' : toDateInput(at, timeZone));
  return {
    kind: meta.kind,
    connector: meta.connector,
    alias: meta.alias,
    environment: meta.environment,
    region: meta.region,
    marketplace: meta.marketplace ?? '',
    clientId: meta.clientId ?? '',
    clientSecret: secrets.clientSecret ?? '',
    refreshToken: secrets.refreshToken ?? '',
    applicationId: secrets.applicationId ?? '',
    redirectUri: secrets.redirectUri ?? '',
    sellingPartnerId: secrets.sellingPartnerId ?? '',
    resultUrl: secrets.resultUrl ?? '',
    shopCtrlUrl: meta.shopCtrlUrl ?? '',
    notes: secrets.notes ?? '',
    secretDate: meta.secretExpiresAt !== undefined ? 'stated' : 'issued',
    secretIssuedOn: date(meta.secretIssuedAt),
    secretExpiresOn: date(meta.secretExpiresAt),
    authorizedOn: date(meta.authorizedAt),
    saveAnyway: [],
  };
}

/** A draft read back from storage may predate a field: missing or mistyped keys fall back to the empty form. */
export function restoreForm(stored: unknown): EntryForm {
  const form = emptyForm();
  if (typeof stored !== 'object' || stored === null) return form;
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(form) as (keyof EntryForm)[]) {
    const value = record[key];
    if (key === 'saveAnyway') {
      if (Array.isArray(value)) form.saveAnyway = value.filter((v): v is FieldName => typeof v === 'string' && v in form);
    } else if (typeof value === 'string') {
      (form as unknown as Record<string, string>)[key] = value;
    }
  }
  return form;
}

// ---------------------------------------------------------------------------------------------------------
// Validation

export interface FieldProblem {
  message: string;
  /** The value may be legitimate in a format the checks do not know: the user may save it anyway. */
  overridable: boolean;
}

export type FormProblems = Partial<Record<FieldName, FieldProblem>>;

function checkPartnerId(value: string, kind: Kind): Check {
  if (kind === 'seller') return checkSellerId(value);
  if (checkVendorGroupId(value).ok || checkVendorCode(value).ok) return { ok: true };
  return { ok: false, message: `For a vendor enter the vendor group or the vendor code. ${VENDOR_GROUP_ID_RULE} ${VENDOR_CODE_RULE}` };
}

function checkDate(value: string, timeZone: string, what: string): Check {
  return startOfDateInput(value, timeZone) === undefined ? { ok: false, message: `Enter ${what} as a date.` } : { ok: true };
}

/** Every field's problem, if it has one. Empty optional fields are fine. */
export function validateForm(form: EntryForm, now: number, timeZone: string): FormProblems {
  const problems: FormProblems = {};
  const add = (field: FieldName, check: Check, overridable = false) => {
    if (!check.ok) problems[field] = { message: check.message, overridable: overridable || check.legacy === true };
  };
  const filled = (field: FieldName) => normalizePasted(form[field]) !== '';

  if (!filled('alias')) add('alias', { ok: false, message: 'Give the entry a name you will recognise, such as "ShopCtrl 1P DE".' });
  else if (form.alias.trim().length > 200) add('alias', { ok: false, message: 'Keep the name under 200 characters.' });
  if (filled('clientId')) add('clientId', checkClientId(form.clientId));
  if (filled('clientSecret')) add('clientSecret', checkClientSecret(form.clientSecret));
  if (filled('refreshToken')) add('refreshToken', checkRefreshToken(form.refreshToken));
  if (filled('applicationId')) add('applicationId', checkApplicationId(form.applicationId));
  if (filled('redirectUri')) add('redirectUri', checkRedirectUri(form.redirectUri));
  // Amazon publishes no format for selling partner ids; a stored Result URL may be an old one kept for reference.
  if (filled('sellingPartnerId')) add('sellingPartnerId', checkPartnerId(normalizePasted(form.sellingPartnerId), form.kind), true);
  if (filled('resultUrl')) {
    const result = validateResultUrl(form.resultUrl, { now });
    if (!result.ok) add('resultUrl', { ok: false, message: result.problems.map((p) => p.message).join(' ') }, true);
  }
  if (filled('shopCtrlUrl')) add('shopCtrlUrl', checkShopCtrlUrl(form.shopCtrlUrl));
  if (form.secretDate === 'issued' && form.secretIssuedOn !== '') {
    const check = checkDate(form.secretIssuedOn, timeZone, 'the day the secret was issued');
    const issued = startOfDateInput(form.secretIssuedOn, timeZone);
    if (!check.ok) add('secretIssuedOn', check);
    else if (issued !== undefined && issued > now) add('secretIssuedOn', { ok: false, message: 'That day is in the future: enter the day the current secret was issued.' });
  }
  if (form.authorizedOn !== '') {
    const authorized = startOfDateInput(form.authorizedOn, timeZone);
    if (authorized === undefined) add('authorizedOn', { ok: false, message: 'Enter the day the app was authorized as a date.' });
    else if (authorized > now) add('authorizedOn', { ok: false, message: 'That day is in the future: enter the day the app was authorized.' });
  }
  if (form.secretDate === 'stated' && form.secretExpiresOn !== '') {
    add('secretExpiresOn', checkDate(form.secretExpiresOn, timeZone, 'the expiry date Amazon shows'));
  }
  if (form.marketplace !== '' && marketplaceByCode(form.marketplace)?.region !== form.region) {
    add('marketplace', { ok: false, message: 'Pick a marketplace of the selected region.' });
  }
  return problems;
}

/** The problems that stop a save: every one the user has not explicitly chosen to save anyway. */
export function blockingProblems(problems: FormProblems, saveAnyway: readonly FieldName[]): FieldName[] {
  return (Object.keys(problems) as FieldName[]).filter((field) => !(problems[field]!.overridable && saveAnyway.includes(field)));
}

// ---------------------------------------------------------------------------------------------------------
// Form → entry

export interface EntryInput {
  meta: EntryInputMeta;
  secrets: EntrySecrets;
}

const trimmed = (value: string) => normalizePasted(value);

/** When the secret was issued: a day picked in the form is its local midnight, except today, which is now. */
function issuedAt(value: string, now: number, timeZone: string): number | undefined {
  if (value === toDateInput(now, timeZone)) return now;
  return startOfDateInput(value, timeZone);
}

function secretDates(form: EntryForm, now: number, timeZone: string, original?: EntryMeta) {
  const keep = (value: string, at: number | undefined) =>
    at !== undefined && toDateInput(at, timeZone) === value ? at : undefined;
  if (form.secretDate === 'stated') {
    const secretExpiresAt = keep(form.secretExpiresOn, original?.secretExpiresAt) ?? startOfDateInput(form.secretExpiresOn, timeZone);
    return { secretExpiresAt, secretIssuedAt: original?.secretIssuedAt };
  }
  const secretIssuedAt = keep(form.secretIssuedOn, original?.secretIssuedAt) ?? issuedAt(form.secretIssuedOn, now, timeZone);
  return { secretIssuedAt, secretExpiresAt: undefined };
}

const hasSecret = (form: EntryForm) => trimmed(form.clientSecret) !== '';

/** The authorization day as an instant (local midnight), kept exact when the day shown did not change. */
function authorizedAtOf(form: EntryForm, timeZone: string, original?: EntryMeta): number | undefined {
  if (original?.authorizedAt !== undefined && toDateInput(original.authorizedAt, timeZone) === form.authorizedOn) return original.authorizedAt;
  return startOfDateInput(form.authorizedOn, timeZone);
}

/** What `entries.create` takes. Values are trimmed; empty fields are left out. */
export function entryFromForm(form: EntryForm, now: number, timeZone: string): EntryInput {
  const { secretIssuedAt, secretExpiresAt } = secretDates(form, now, timeZone);
  const meta: EntryInputMeta = {
    alias: form.alias.trim(),
    kind: form.kind,
    connector: form.connector,
    environment: form.environment,
    region: form.region,
  };
  const optional = { marketplace: form.marketplace, clientId: trimmed(form.clientId), shopCtrlUrl: trimmed(form.shopCtrlUrl) };
  for (const [key, value] of Object.entries(optional)) if (value !== '') (meta as Record<string, unknown>)[key] = value;
  // No secret, no secret countdown: a date without the secret it belongs to is not kept.
  if (hasSecret(form)) {
    if (secretIssuedAt !== undefined) meta.secretIssuedAt = secretIssuedAt;
    if (secretExpiresAt !== undefined) meta.secretExpiresAt = secretExpiresAt;
  }
  const authorizedAt = authorizedAtOf(form, timeZone);
  if (authorizedAt !== undefined) meta.authorizedAt = authorizedAt;
  const secrets: EntrySecrets = {};
  for (const [key, value] of Object.entries(secretFields(form))) if (value !== '') secrets[key as EditedSecret] = value;
  return { meta, secrets };
}

/** The sealed fields the editor shows (the previous secret and kept versions are the background's). */
type EditedSecret = 'clientSecret' | 'refreshToken' | 'applicationId' | 'redirectUri' | 'sellingPartnerId' | 'resultUrl' | 'notes';

function secretFields(form: EntryForm): Record<EditedSecret, string> {
  return {
    clientSecret: trimmed(form.clientSecret),
    refreshToken: trimmed(form.refreshToken),
    applicationId: trimmed(form.applicationId),
    redirectUri: trimmed(form.redirectUri),
    sellingPartnerId: trimmed(form.sellingPartnerId),
    resultUrl: trimmed(form.resultUrl),
    // Notes keep their line breaks and inner spacing.
    notes: form.notes.trim(),
  };
}

export interface EntryPatch {
  /** null removes a field. */
  meta: { [K in keyof EntryInputMeta]?: EntryInputMeta[K] | null };
  secrets: Partial<EntrySecrets>;
}

/**
 * What `entries.update` takes for an edited entry: every editable field, '' to remove one. Dates the user did
 * not change keep their exact instants (a rotation time is more precise than the day shown in the form).
 */
export function patchFromForm(form: EntryForm, original: EntryMeta, now: number, timeZone: string): EntryPatch {
  const { secretIssuedAt, secretExpiresAt } = secretDates(form, now, timeZone, original);
  const meta: EntryPatch['meta'] = {
    alias: form.alias.trim(),
    kind: form.kind,
    connector: form.connector,
    environment: form.environment,
    region: form.region,
    marketplace: form.marketplace,
    clientId: trimmed(form.clientId),
    shopCtrlUrl: trimmed(form.shopCtrlUrl),
  };
  const authorizedAt = authorizedAtOf(form, timeZone, original);
  if (authorizedAt !== undefined) meta.authorizedAt = authorizedAt;
  else if (form.authorizedOn === '' && original.authorizedAt !== undefined) meta.authorizedAt = null;
  if (secretIssuedAt !== undefined) meta.secretIssuedAt = secretIssuedAt;
  if (secretExpiresAt !== undefined) meta.secretExpiresAt = secretExpiresAt;
  else if (original.secretExpiresAt !== undefined && secretIssuedAt !== undefined) {
    // The update message cannot remove a date, and a stated expiry would win: restate the computed one instead.
    meta.secretExpiresAt = addDays(secretIssuedAt, SECRET_LIFETIME_DAYS);
  }
  return { meta, secrets: secretFields(form) };
}

// ---------------------------------------------------------------------------------------------------------
// Pasting

// The pasted block's fields have the same names as the form's.
const FIELD_OF_CREDENTIAL: Record<CredentialField, FieldName & CredentialField> = {
  clientId: 'clientId',
  clientSecret: 'clientSecret',
  refreshToken: 'refreshToken',
};

export interface PasteResult {
  form: EntryForm;
  /** Fields filled from the pasted text, for the announcement ("Filled the client id and client secret"). */
  filled: FieldName[];
}

/**
 * A paste into `field`: a block holding several credentials ("Client identifier … Client secret …") fills each
 * field it names; anything else is pasted into `field`, trimmed. Returns undefined when the browser's own
 * paste is fine (plain text into a free-text field).
 */
export function applyPaste(form: EntryForm, field: FieldName, text: string): PasteResult | undefined {
  if (field === 'notes' || field === 'alias') return undefined;
  if (field === 'resultUrl') return pasteResultUrl(form, text);
  const block = parseCredentialBlock(text);
  const found = credentialsIn(block);
  const isWholeValue = found.length === 1 && normalizePasted(text) === block[found[0]!];
  if (found.length > 1 || (found.length === 1 && !isWholeValue)) return fillFromBlock(form, block, found);
  const value = normalizePasted(text);
  if (value === text) return undefined;
  return { form: { ...form, [field]: value }, filled: [field] };
}

/** What pasting Developer Central's "LWA credentials" box into the short form's box did. */
export type BoxPaste = { ok: true; result: PasteResult; ambiguous: FieldName[] } | { ok: false; message: string };

/**
 * The short form's credentials box: the pasted text is parsed by the values' formats and only the values it
 * holds are kept (the box itself keeps nothing, so a secret never sits in a plain text area).
 */
export function pasteCredentialsBox(form: EntryForm, text: string): BoxPaste {
  const block = parseCredentialBlock(text);
  const found = credentialsIn(block);
  if (found.length === 0) {
    return {
      ok: false,
      message: 'No LWA client id, client secret or refresh token found in the pasted text. Copy the whole “LWA credentials” box (Developer Central → View), or enter the values under More details.',
    };
  }
  return { ok: true, result: fillFromBlock(form, block, found), ambiguous: block.ambiguous.map((key) => FIELD_OF_CREDENTIAL[key]) };
}

const credentialsIn = (block: CredentialBlock) => (Object.keys(FIELD_OF_CREDENTIAL) as CredentialField[]).filter((key) => block[key] !== undefined);

/** The form with each credential the block holds in its field. */
function fillFromBlock(form: EntryForm, block: CredentialBlock, found: readonly CredentialField[]): PasteResult {
  const next: EntryForm = { ...form };
  for (const key of found) next[key] = block[key]!;
  return { form: next, filled: found.map((key) => FIELD_OF_CREDENTIAL[key]) };
}

/** The fields under "More details": the short form is the name, marketplace, credentials box and the secret's date. */
export const DETAIL_FIELDS: readonly FieldName[] = [
  'connector',
  'kind',
  'environment',
  'region',
  'clientId',
  'clientSecret',
  'refreshToken',
  'applicationId',
  'redirectUri',
  'sellingPartnerId',
  'resultUrl',
  'authorizedOn',
  'shopCtrlUrl',
  'notes',
];

/** A form holding anything under "More details" besides the defaults opens with them shown. */
export function hasDetails(form: EntryForm): boolean {
  const empty = emptyForm();
  return DETAIL_FIELDS.some((field) => field !== 'kind' && field !== 'region' && form[field] !== empty[field]);
}

/**
 * The day the app was authorized, when LWA Vault itself caught this Result URL's redirect: the capture's time is
 * when Amazon issued the code (captures are kept for two hours). Undefined when the code was never seen.
 */
export function authorizationDayOf(resultUrl: string, captures: readonly { code: string; capturedAt: number }[], timeZone: string): string | undefined {
  const redirect = classifyRedirect(resultUrl);
  if (redirect.kind !== 'final') return undefined;
  const capture = captures.find((c) => c.code === redirect.spapiOauthCode);
  return capture && toDateInput(capture.capturedAt, timeZone);
}

/** A Result URL carries the selling partner id (docs/amazon.md §2): it fills that field too when it is empty. */
function pasteResultUrl(form: EntryForm, text: string): PasteResult | undefined {
  const redirect = classifyRedirect(text);
  const value = normalizePasted(text);
  if (redirect.kind !== 'final' || redirect.sellingPartnerId === undefined || form.sellingPartnerId !== '') {
    return value === text ? undefined : { form: { ...form, resultUrl: value }, filled: ['resultUrl'] };
  }
  return { form: { ...form, resultUrl: value, sellingPartnerId: redirect.sellingPartnerId }, filled: ['resultUrl', 'sellingPartnerId'] };
}

export const FIELD_LABELS: Record<FieldName, string> = {
  kind: 'App type',
  connector: 'Connector',
  alias: 'Entry name',
  environment: 'Environment',
  region: 'Region',
  marketplace: 'Marketplace',
  clientId: 'LWA client id',
  clientSecret: 'Client secret',
  refreshToken: 'Refresh token',
  applicationId: 'Application id',
  redirectUri: 'Redirect URI',
  sellingPartnerId: 'Selling partner id or vendor code',
  resultUrl: 'Result URL',
  shopCtrlUrl: 'ShopCtrl shop settings address',
  notes: 'Notes',
  secretIssuedOn: 'Secret issued on',
  secretExpiresOn: 'Secret expires on',
  authorizedOn: 'Authorized on',
};

export const SELLING_PARTNER_HINT: Record<Kind, string> = {
  seller: SELLER_ID_RULE,
  vendor: `${VENDOR_GROUP_ID_RULE} ShopCtrl asks for the vendor code instead. ${VENDOR_CODE_RULE}`,
};
