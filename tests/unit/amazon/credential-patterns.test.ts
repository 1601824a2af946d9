import { describe, expect, it } from 'vitest';
import {
  findClientIdsInText,
  findSecretsInText,
  isClientId,
  isClientSecret,
  mayContainSecret,
} from '../../../features/amazon/credential-patterns';
import { clientId, hex, secret } from '../rotation-watch/scan/pages';

describe('client secret pattern', () => {
  const s = secret(1);

  it('matches the exact format, alone and inside text', () => {
    expect(isClientSecret(s)).toBe(true);
    expect(findSecretsInText(`Client secret: ${s}.`)).toEqual([s]);
    expect(findSecretsInText(`"${s}"`)).toEqual([s]);
    expect(findSecretsInText(`client_secret=${s}&x=1`)).toEqual([s]);
  });

  it('returns each distinct secret once, in order', () => {
    const t = secret(2);
    expect(findSecretsInText(`${t} ${s} ${t}`)).toEqual([t, s]);
  });

  it.each([
    ['63 hex', `amzn1.oa2-cs.v1.${hex(63, 3)}`],
    ['65 hex', `amzn1.oa2-cs.v1.${hex(65, 3)}`],
    ['64 hex then a letter', `amzn1.oa2-cs.v1.${hex(64, 3)}g`],
    ['other version', `amzn1.oa2-cs.v2.${hex(64, 3)}`],
    ['other prefix', `amzn2.oa2-cs.v1.${hex(64, 3)}`],
    ['glued to a longer token', `xamzn1.oa2-cs.v1.${hex(64, 3)}`],
    ['dotted into a longer token', `foo.amzn1.oa2-cs.v1.${hex(64, 3)}`],
    ['documentation placeholder', 'amzn1.oa2-cs.v1.EXAMPLE'],
    ['sample placeholder', 'amzn1.oa2-cs.v1.8b6XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    ['uppercase hex', `amzn1.oa2-cs.v1.${hex(64, 3).toUpperCase().replace(/^./, 'A')}`],
    ['legacy bare hex', hex(64, 3)],
  ])('does not match %s', (_name, text) => {
    expect(findSecretsInText(`secret ${text} here`)).toEqual([]);
    expect(isClientSecret(text)).toBe(false);
  });

  it('pre-tests with a plain substring', () => {
    expect(mayContainSecret('nothing to see')).toBe(false);
    expect(mayContainSecret('amzn1.oa2-cs.v1.EXAMPLE')).toBe(true);
  });
});

describe('client id pattern', () => {
  it('matches prefix + 32 hex only', () => {
    const id = clientId(1);
    expect(isClientId(id)).toBe(true);
    expect(findClientIdsInText(`Client identifier ${id}`)).toEqual([id]);
    expect(findClientIdsInText(`amzn1.application-oa2-client.${hex(31, 1)}`)).toEqual([]);
    expect(findClientIdsInText(`amzn1.application-oa2-client.${hex(33, 1)}`)).toEqual([]);
    expect(findClientIdsInText('amzn1.application-oa2-client.EXAMPLE')).toEqual([]);
  });
});
