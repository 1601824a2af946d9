import { describe, expect, it } from 'vitest';
import {
  applyPaste,
  authorizationDayOf,
  blockingProblems,
  emptyForm,
  entryFromForm,
  formFromEntry,
  hasDetails,
  pasteCredentialsBox,
  patchFromForm,
  restoreForm,
  validateForm,
  type EntryForm,
} from '../../../../features/entries/ui/form';
import { addDays } from '../../../../features/deadlines/rules';
import {
  APPLICATION_ID,
  CLIENT_ID,
  CLIENT_SECRET,
  LEGACY_CLIENT_SECRET,
  OTHER_CLIENT_SECRET,
  REFRESH_TOKEN,
  SELLER_ID,
  VENDOR_GROUP_ID,
} from '../../../support/identifiers';
import { entryMeta } from '../../deadlines/fixtures';
import { at } from '../../support/time';

const TZ = 'Europe/Berlin';
const NOW = at('2027-05-23T10:15:00+02:00');

const form = (overrides: Partial<EntryForm> = {}): EntryForm => ({ ...emptyForm(), alias: 'ShopCtrl 1P DE', ...overrides });

describe('entryFromForm', () => {
  it('assumes no secret date: a new entry asks first for the expiry Amazon shows, and without one it has none', () => {
    expect(emptyForm()).toMatchObject({ secretDate: 'stated', secretIssuedOn: '', secretExpiresOn: '', authorizedOn: '' });
    const { meta } = entryFromForm(form({ clientSecret: CLIENT_SECRET }), NOW, TZ);
    expect(meta.secretIssuedAt).toBeUndefined();
    expect(meta.secretExpiresAt).toBeUndefined();
  });

  it('keeps no secret date without a secret: nothing to count down', () => {
    const { meta } = entryFromForm(form({ secretExpiresOn: '2027-06-04' }), NOW, TZ);
    expect(meta.secretExpiresAt).toBeUndefined();
  });

  it('counts the authorization from the day it was authorized', () => {
    expect(entryFromForm(form({ authorizedOn: '2026-07-27' }), NOW, TZ).meta.authorizedAt).toBe(at('2026-07-27T00:00:00+02:00'));
    expect(validateForm(form({ authorizedOn: '2027-05-24' }), NOW, TZ).authorizedOn?.message).toContain('future');
  });

  it('counts an earlier issue day from its local midnight', () => {
    const { meta } = entryFromForm(form({ clientSecret: CLIENT_SECRET, secretDate: 'issued', secretIssuedOn: '2027-01-10' }), NOW, TZ);
    expect(meta.secretIssuedAt).toBe(at('2027-01-10T00:00:00+01:00'));
    expect(meta.secretExpiresAt).toBeUndefined();
  });

  it('takes the expiry date Amazon states instead of an issue date when the user knows that one', () => {
    const { meta } = entryFromForm(form({ clientSecret: CLIENT_SECRET, secretDate: 'stated', secretExpiresOn: '2027-06-04' }), NOW, TZ);
    expect(meta.secretExpiresAt).toBe(at('2027-06-04T00:00:00+02:00'));
    expect(meta.secretIssuedAt).toBeUndefined();
  });

  it('trims pasted values and leaves empty fields out', () => {
    const input = entryFromForm(
      form({
        alias: '  Cleo US ',
        connector: 'cleo-amp',
        marketplace: 'US',
        clientId: ` ${CLIENT_ID}\n`,
        clientSecret: `\u200b${CLIENT_SECRET} `,
        notes: '  line one\n  line two  ',
      }),
      NOW,
      TZ,
    );
    expect(input.meta).toEqual({
      alias: 'Cleo US',
      kind: 'seller',
      connector: 'cleo-amp',
      environment: 'production',
      region: 'NA',
      marketplace: 'US',
      clientId: CLIENT_ID,
    });
    expect(input.secrets).toEqual({ clientSecret: CLIENT_SECRET, notes: 'line one\n  line two' });
  });
});

describe('patchFromForm', () => {
  const rotatedAt = at('2027-02-01T14:03:27+01:00');
  const original = entryMeta({ id: 'e1', alias: 'Old name', secretIssuedAt: rotatedAt, clientId: CLIENT_ID });

  it('keeps the exact rotation time when the issue day was not changed', () => {
    const edited = { ...formFromEntry(original, { clientSecret: CLIENT_SECRET }, TZ), alias: 'New name' };
    const patch = patchFromForm(edited, original, NOW, TZ);
    expect(patch.meta.secretIssuedAt).toBe(rotatedAt);
    expect(patch.meta.alias).toBe('New name');
    expect(patch.secrets.clientSecret).toBe(CLIENT_SECRET);
  });

  it('sends an emptied field as "" so the vault removes it', () => {
    const edited = { ...formFromEntry(original, { clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN }, TZ), refreshToken: '', clientId: '' };
    const patch = patchFromForm(edited, original, NOW, TZ);
    expect(patch.secrets.refreshToken).toBe('');
    expect(patch.meta.clientId).toBe('');
  });

  it('replaces a stated expiry with the computed one when the user switches back to the issue day', () => {
    const stated = { ...original, secretExpiresAt: at('2027-07-01T00:00:00+02:00') };
    const edited = { ...formFromEntry(stated, {}, TZ), secretDate: 'issued' as const, secretIssuedOn: '2027-03-01' };
    const patch = patchFromForm(edited, stated, NOW, TZ);
    const issued = at('2027-03-01T00:00:00+01:00');
    expect(patch.meta.secretIssuedAt).toBe(issued);
    expect(patch.meta.secretExpiresAt).toBe(addDays(issued, 180));
  });
});

describe('validateForm', () => {
  it('accepts an entry with only a name', () => {
    expect(validateForm(form(), NOW, TZ)).toEqual({});
  });

  it('asks for a name', () => {
    expect(validateForm(form({ alias: '  ' }), NOW, TZ).alias?.overridable).toBe(false);
  });

  it('explains the client secret format and does not let a malformed secret through', () => {
    const problems = validateForm(form({ clientSecret: 'amzn1.oa2-cs.v1.abc' }), NOW, TZ);
    expect(problems.clientSecret?.message).toContain('A client secret starts with amzn1.oa2-cs.v1. followed by 64 hex characters.');
    expect(blockingProblems(problems, ['clientSecret'])).toEqual(['clientSecret']);
  });

  it('lets a legacy 64-hex secret through only with an explicit "save anyway"', () => {
    const problems = validateForm(form({ clientSecret: LEGACY_CLIENT_SECRET }), NOW, TZ);
    expect(problems.clientSecret).toMatchObject({ overridable: true });
    expect(blockingProblems(problems, [])).toEqual(['clientSecret']);
    expect(blockingProblems(problems, ['clientSecret'])).toEqual([]);
  });

  it('checks identifiers against their formats', () => {
    const problems = validateForm(
      form({ clientId: CLIENT_SECRET, applicationId: CLIENT_ID, refreshToken: 'Atza|abc', redirectUri: 'http://example.com/cb' }),
      NOW,
      TZ,
    );
    expect(problems.clientId?.message).toMatch(/^This is a client secret, not the LWA client id\./);
    expect(problems.applicationId?.message).toMatch(/^This is the LWA client id, not the application id\./);
    expect(problems.refreshToken?.message).toContain('access token');
    expect(problems.redirectUri?.message).toContain('https');
    expect(validateForm(form({ clientId: CLIENT_ID, applicationId: APPLICATION_ID, refreshToken: REFRESH_TOKEN }), NOW, TZ)).toEqual({});
  });

  it('takes a seller id for a seller, and a vendor group or vendor code for a vendor', () => {
    expect(validateForm(form({ sellingPartnerId: SELLER_ID }), NOW, TZ)).toEqual({});
    expect(validateForm(form({ kind: 'vendor', sellingPartnerId: VENDOR_GROUP_ID }), NOW, TZ)).toEqual({});
    expect(validateForm(form({ kind: 'vendor', sellingPartnerId: 'ABC1D' }), NOW, TZ)).toEqual({});
    expect(validateForm(form({ sellingPartnerId: 'abc' }), NOW, TZ).sellingPartnerId?.overridable).toBe(true);
  });

  it('refuses an issue day in the future', () => {
    expect(validateForm(form({ secretDate: 'issued', secretIssuedOn: '2027-05-24' }), NOW, TZ).secretIssuedOn?.message).toContain('future');
  });

  it('wants the marketplace to belong to the region', () => {
    expect(validateForm(form({ region: 'EU', marketplace: 'US' }), NOW, TZ).marketplace).toBeDefined();
    expect(validateForm(form({ region: 'EU', marketplace: 'DE' }), NOW, TZ)).toEqual({});
  });

  it('flags a Result URL without a code but lets it be kept', () => {
    const problem = validateForm(form({ resultUrl: 'https://example.com/cb?state=x' }), NOW, TZ).resultUrl;
    expect(problem).toMatchObject({ overridable: true });
    expect(problem?.message).toContain('spapi_oauth_code');
  });
});

describe('applyPaste', () => {
  it('fills the selling partner id from a pasted Result URL, and leaves one the user typed', () => {
    const url = 'https://app.example.com/cb?state=s1&selling_partner_id=A1B2C3D4E5F6G7&spapi_oauth_code=ANDQxKxWuTyVbWzaXrSb';
    const result = applyPaste(form(), 'resultUrl', ` ${url} `);
    expect(result?.form).toMatchObject({ resultUrl: url, sellingPartnerId: 'A1B2C3D4E5F6G7' });
    expect(result?.filled).toEqual(['resultUrl', 'sellingPartnerId']);
    expect(applyPaste(form({ sellingPartnerId: 'AOTHER12345' }), 'resultUrl', ` ${url} `)?.form.sellingPartnerId).toBe('AOTHER12345');
  });

  it('fills both fields from a pasted "Client identifier … Client secret …" block', () => {
    const block = `LWA credentials\nClient identifier\n${CLIENT_ID}\nClient secret\n${CLIENT_SECRET}\n`;
    const result = applyPaste(form(), 'clientId', block);
    expect(result?.filled).toEqual(['clientId', 'clientSecret']);
    expect(result?.form).toMatchObject({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  });

  it('takes the value out of a labelled paste', () => {
    expect(applyPaste(form(), 'clientSecret', `Client secret: ${CLIENT_SECRET}`)?.form.clientSecret).toBe(CLIENT_SECRET);
  });

  it('trims whitespace around a pasted value', () => {
    expect(applyPaste(form(), 'clientId', `  ${CLIENT_ID}\n`)?.form.clientId).toBe(CLIENT_ID);
    expect(applyPaste(form(), 'redirectUri', ' https://example.com/cb ')?.form.redirectUri).toBe('https://example.com/cb');
  });

  it('leaves a clean paste, names and notes to the browser', () => {
    expect(applyPaste(form(), 'clientId', CLIENT_ID)).toBeUndefined();
    expect(applyPaste(form(), 'notes', `Client identifier ${CLIENT_ID} Client secret ${CLIENT_SECRET}`)).toBeUndefined();
    expect(applyPaste(form(), 'alias', ' Shop ')).toBeUndefined();
  });
});

describe('restoreForm', () => {
  it('fills fields a stored draft lacks and ignores what does not belong', () => {
    const restored = restoreForm({ alias: 'Draft', clientSecret: 42, saveAnyway: ['clientSecret', 'bogus'], extra: 'x' });
    expect(restored.alias).toBe('Draft');
    expect(restored.clientSecret).toBe('');
    expect(restored.saveAnyway).toEqual(['clientSecret']);
    expect('extra' in restored).toBe(false);
    expect(restoreForm(null)).toEqual(emptyForm());
  });
});

describe('the short form', () => {
  it('takes the client id, secret and refresh token out of a pasted "LWA credentials" box, in any layout', () => {
    const pasted = pasteCredentialsBox(form(), `Identifiant client\t${CLIENT_ID}\tSecret client\t${CLIENT_SECRET}\n${REFRESH_TOKEN}`);
    expect(pasted).toMatchObject({ ok: true, ambiguous: [] });
    if (!pasted.ok) return;
    expect(pasted.result.filled).toEqual(['clientId', 'clientSecret', 'refreshToken']);
    expect(pasted.result.form).toMatchObject({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN, alias: 'ShopCtrl 1P DE' });
  });

  it('says so when the pasted text holds no credential, and changes nothing', () => {
    const pasted = pasteCredentialsBox(form({ clientId: CLIENT_ID }), 'Client secret: (hidden) — click View');
    expect(pasted.ok).toBe(false);
    if (!pasted.ok) expect(pasted.message).toMatch(/No LWA client id, client secret or refresh token found/);
  });

  it('takes the first of two different secrets and names the field as ambiguous', () => {
    const pasted = pasteCredentialsBox(form(), `${CLIENT_SECRET}\n${OTHER_CLIENT_SECRET}`);
    expect(pasted).toMatchObject({ ok: true, ambiguous: ['clientSecret'] });
    if (pasted.ok) expect(pasted.result.form.clientSecret).toBe(CLIENT_SECRET);
  });

  it('opens "More details" only for a form that holds something there', () => {
    expect(hasDetails(form({ marketplace: 'DE', region: 'EU', secretExpiresOn: '2027-06-04', clientId: '' }))).toBe(false);
    expect(hasDetails(form({ kind: 'vendor' }))).toBe(false); // the kind follows the connector
    expect(hasDetails(form({ clientSecret: CLIENT_SECRET }))).toBe(true);
    expect(hasDetails(form({ connector: 'shopctrl-1p' }))).toBe(true);
  });
});

describe('authorizationDayOf', () => {
  const url = 'https://app.example.com/cb?state=s1&selling_partner_id=A1B2C3D4E5F6G7&spapi_oauth_code=ANDQxKxWuTyVbWzaXrSb';
  it('dates the authorization from the redirect LWA Vault caught with the same code, in the local day', () => {
    const captures = [{ code: 'OTHERCODE123', capturedAt: NOW }, { code: 'ANDQxKxWuTyVbWzaXrSb', capturedAt: at('2027-05-22T23:30:00Z') }];
    expect(authorizationDayOf(url, captures, TZ)).toBe('2027-05-23'); // 01:30 in Berlin
    expect(authorizationDayOf(url, captures, 'America/Los_Angeles')).toBe('2027-05-22');
  });

  it('does not guess without a caught redirect or a code', () => {
    expect(authorizationDayOf(url, [{ code: 'OTHERCODE123', capturedAt: NOW }], TZ)).toBeUndefined();
    expect(authorizationDayOf('https://app.example.com/cb?state=s1', [{ code: 'ANDQxKxWuTyVbWzaXrSb', capturedAt: NOW }], TZ)).toBeUndefined();
  });
});
