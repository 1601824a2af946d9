import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../../../../features/entries/ui/search';
import { CLIENT_ID } from '../../../support/identifiers';

describe('matchesQuery', () => {
  const entry = { alias: 'ShopCtrl 1P Germany', clientId: CLIENT_ID };

  it('finds an entry by part of its name, in any case', () => {
    expect(matchesQuery(entry, 'germany')).toBe(true);
    expect(matchesQuery(entry, '  1p ')).toBe(true);
    expect(matchesQuery(entry, 'France')).toBe(false);
  });

  it('finds an entry by part of its LWA client id', () => {
    expect(matchesQuery(entry, '89abcdef0123')).toBe(true);
    expect(matchesQuery({ alias: 'No id yet' }, 'amzn1')).toBe(false);
  });

  it('matches everything when the search is empty', () => {
    expect(matchesQuery(entry, '   ')).toBe(true);
  });
});
