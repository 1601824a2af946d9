import { describe, expect, it } from 'vitest';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH, assessPassphrase } from '../../../features/vault/passphrase';

describe('assessPassphrase', () => {
  it.each([
    ['short', 'Xk9#qLm2'],
    ['a common password with digits', 'password1234'],
    ['one repeated character', 'aaaaaaaaaaaaaaaa'],
    ['a digit run', '123456789012'],
    ['a keyboard row', 'qwertyuiopasdf'],
    ['a repeated block', 'abc1abc1abc1abc1'],
    ['a season and a year', 'Summer2024!!'],
    ['empty', ''],
  ])('refuses %s', (_name, passphrase) => {
    const result = assessPassphrase(passphrase);
    expect(result.ok).toBe(false);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.hint).not.toBe('');
  });

  it.each([
    ['plain words', 'correct horse battery staple'],
    ['more plain words', 'plaid orbit lantern fjord marmalade'],
    ['a mixed string', 'Tr0ub4dor&3-xyzzy!'],
    ['random lower case', 'vkqzmtrhwpbxjd'],
    ['non-Latin words', 'зелёный чайник летит домой'],
  ])('accepts %s', (_name, passphrase) => {
    const result = assessPassphrase(passphrase);
    expect(result.ok).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(2);
  });

  it('scores long word passphrases as strong', () => {
    expect(assessPassphrase('correct horse battery staple').score).toBe(4);
  });

  it('enforces the length bounds', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(12);
    expect(assessPassphrase('x'.repeat(MAX_PASSPHRASE_LENGTH + 1)).ok).toBe(false);
    expect(assessPassphrase('wordy '.repeat(10) + 'zebra quilt').ok).toBe(true);
    expect(assessPassphrase(`${'correct horse battery staple '.repeat(40)}`.slice(0, MAX_PASSPHRASE_LENGTH)).ok).toBe(true);
  });
});
