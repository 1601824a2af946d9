import { describe, expect, it } from 'vitest';
import { parseStatedDate } from '../../../../features/rotation-watch/scan/stated-date';

const JUNE_4_2027 = Date.UTC(2027, 5, 4);

describe('parseStatedDate', () => {
  it.each([
    'Target rotation date: 4 Jun 2027',
    'Target rotation date: 4 June 2027',
    'Target rotation date: Friday, 4 June 2027',
    'Expires on 2027-06-04',
    'expires: 2027-6-4',
    'rotation date 06/04/2027',
    'Expiration date: June 4, 2027',
    'Expiry date - Jun 4th 2027',
    'Valid until 04.06.2027',
    'Client secret ... Target rotation date 4th Jun. 2027 (in 180 days)',
  ])('reads %s', (text) => {
    expect(parseStatedDate(text)).toBe(JUNE_4_2027);
  });

  it('reads a slashed date with a first number above 12 as day/month', () => {
    expect(parseStatedDate('Rotation date: 24/06/2027')).toBe(Date.UTC(2027, 5, 24));
  });

  it('skips a keyword without a date and takes the next one', () => {
    expect(parseStatedDate('Your secret expires in 30 days. Target rotation date: 4 Jun 2027')).toBe(JUNE_4_2027);
  });

  it.each([
    ['German', 'Zieldatum der Rotation: 04.06.2027', JUNE_4_2027],
    ['Japanese', 'ローテーション目標日: 2027年6月4日', JUNE_4_2027],
    ['Korean', '교체 목표일: 2027년 6월 4일', JUNE_4_2027],
    ['French, ISO', 'Date cible de rotation : 2027-06-04', JUNE_4_2027],
    ['the latest of several', 'Ancien secret : 10.01.2027 · nouveau : 2027/06/04', JUNE_4_2027],
  ])('reads a language-neutral date without a keyword (%s)', (_name, text, expected) => {
    expect(parseStatedDate(text)).toBe(expected);
  });

  it.each([
    ['no keyword, month name', 'Last login 4 Jun 2027'],
    ['relative only', 'Expires in 30 days'],
    ['impossible day', 'Expires on 31 Feb 2027'],
    ['month 13', 'Expires on 2027-13-01'],
    ['day 32, no keyword', 'Datum: 32.05.2027'],
    ['unknown month name', 'Expires on 4 Junk 2027'],
    ['nothing', ''],
  ])('gives undefined for %s', (_name, text) => {
    expect(parseStatedDate(text)).toBeUndefined();
  });
});
