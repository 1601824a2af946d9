import { describe, expect, it } from 'vitest';
import { parseCredentialBlock } from '../../../features/amazon/paste';
import { ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET, LEGACY_CLIENT_SECRET, OTHER_CLIENT_SECRET, REFRESH_TOKEN } from '../../support/identifiers';

describe('parseCredentialBlock', () => {
  it.each([
    ['the console’s two lines', `Client identifier\n${CLIENT_ID}\nClient secret\n${CLIENT_SECRET}\n`],
    ['labels with colons on one line', `Client ID: ${CLIENT_ID}   Client Secret: ${CLIENT_SECRET}`],
    ['ShopCtrl’s labels', `LWA Client Id\t${CLIENT_ID}\r\nLWA Client Secret\t${CLIENT_SECRET}`],
    ['the secret first', `secret=${CLIENT_SECRET}; id=${CLIENT_ID}`],
    ['labels in another language', `Identifiant client : ${CLIENT_ID}\nClé secrète : ${CLIENT_SECRET}`],
    ['no labels and no space between', `${CLIENT_ID}${CLIENT_SECRET}`],
    ['zero-width characters from a web page', `\u200b${CLIENT_ID}\u200b ${CLIENT_SECRET}\ufeff`],
  ])('finds the client id and secret in %s', (_name, text) => {
    expect(parseCredentialBlock(text)).toEqual({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ambiguous: [] });
  });

  it('finds a refresh token next to them', () => {
    expect(parseCredentialBlock(`Client ID ${CLIENT_ID}\nRefresh Token: ${REFRESH_TOKEN}\n`)).toEqual({
      clientId: CLIENT_ID,
      refreshToken: REFRESH_TOKEN,
      ambiguous: [],
    });
  });

  it('returns nothing for text without credentials', () => {
    expect(parseCredentialBlock('Client identifier\nClient secret\n')).toEqual({ ambiguous: [] });
  });

  it.each([
    ['a client id with one hex character missing', `${CLIENT_ID.slice(0, -1)} `, {}],
    ['a secret followed by more hex', `${CLIENT_SECRET}0`, {}],
    ['an access token', ACCESS_TOKEN, {}],
    ['the Aztr| misspelling', 'Aztr|IQEBLzAtAhRPexample', {}],
    ['a legacy secret without its prefix', `Client secret: ${LEGACY_CLIENT_SECRET}`, {}],
  ])('ignores %s', (_name, text, expected) => {
    expect(parseCredentialBlock(text)).toEqual({ ...expected, ambiguous: [] });
  });

  it('takes the first of two different secrets and says the field is ambiguous', () => {
    expect(parseCredentialBlock(`old ${CLIENT_SECRET} new ${OTHER_CLIENT_SECRET} again ${CLIENT_SECRET}`)).toEqual({
      clientSecret: CLIENT_SECRET,
      ambiguous: ['clientSecret'],
    });
  });

  it('does not call a repeated value ambiguous', () => {
    expect(parseCredentialBlock(`${CLIENT_ID} ${CLIENT_ID}`)).toEqual({ clientId: CLIENT_ID, ambiguous: [] });
  });

  it('ignores a refresh token longer than 2048 bytes', () => {
    expect(parseCredentialBlock(`Atzr|${'x'.repeat(2044)}`)).toEqual({ ambiguous: [] });
    expect(parseCredentialBlock(`Atzr|${'x'.repeat(2043)}`).refreshToken).toHaveLength(2048);
  });
});
