import { describe, expect, it } from 'vitest';
import { plainDetail } from '../../../../features/entries/ui/EventLog';

describe('plainDetail', () => {
  it('names changed fields in the editor’s words, never raw field names', () => {
    expect(plainDetail('fields: previousSecretExpiresAt, secretIssuedAt; secrets: clientSecret')).toBe(
      'previous secret’s end, secret issue date, client secret',
    );
    expect(plainDetail('new client secret saved')).toBe('new client secret saved');
  });
});
