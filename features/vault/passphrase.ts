export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;

export interface PassphraseAssessment {
  ok: boolean;
  score: 0 | 1 | 2 | 3 | 4;
  hint: string;
}

/** Lower-case fragments so common that containing one adds (almost) nothing. */
const COMMON = [
  'password', 'passwort', 'passphrase', 'qwerty', 'azerty', 'qwertz', 'asdfgh', 'zxcvbn', 'letmein', 'welcome',
  'iloveyou', 'admin', 'login', 'secret', 'dragon', 'monkey', 'football', 'baseball', 'sunshine', 'princess',
  'master', 'shadow', 'summer', 'winter', 'spring', 'autumn', 'amazon', 'seller', 'vendor', 'vault', 'changeme',
];

/**
 * A cheap strength estimate, no dictionary: bits ≈ effective length × log2(alphabet), where repeats,
 * ascending/descending runs and common fragments count for little. Long passphrases of plain words score well.
 */
export function assessPassphrase(passphrase: string): PassphraseAssessment {
  const chars = Array.from(passphrase);
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) {
    return { ok: false, score: 4, hint: `Use at most ${MAX_PASSPHRASE_LENGTH} characters.` };
  }
  const bits = effectiveLength(passphrase) * Math.log2(alphabetSize(chars));
  const score = bits < 30 ? 0 : bits < 50 ? 1 : bits < 65 ? 2 : bits < 80 ? 3 : 4;
  if (chars.length < MIN_PASSPHRASE_LENGTH) {
    return { ok: false, score: Math.min(score, 1) as 0 | 1, hint: `Use at least ${MIN_PASSPHRASE_LENGTH} characters — a few unrelated words work well.` };
  }
  if (score < 2) {
    return { ok: false, score, hint: 'Too easy to guess: avoid repeats, runs like 1234 and common passwords. Try four unrelated words.' };
  }
  return { ok: true, score, hint: score === 2 ? 'Acceptable. A few more words make it much stronger.' : score === 3 ? 'Good.' : 'Strong.' };
}

function effectiveLength(passphrase: string): number {
  const unit = repeatingUnit(passphrase);
  const chars = Array.from(unit);
  let length = 0;
  for (let i = 0; i < chars.length; i++) {
    const step = i === 0 ? NaN : chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
    length += step === 0 ? 0 : Math.abs(step) === 1 ? 0.5 : 1; // aaaa counts once, abcd / 4321 count half
  }
  const lower = unit.toLowerCase();
  for (const word of COMMON) {
    if (lower.includes(word)) length -= word.length - 1;
  }
  return Math.max(length, 0);
}

/** "abcabcabc" → "abc": a repeated block is only as strong as the block. */
function repeatingUnit(passphrase: string): string {
  for (let size = 1; size <= passphrase.length / 2; size++) {
    if (passphrase.length % size === 0 && passphrase.slice(0, size).repeat(passphrase.length / size) === passphrase) {
      return passphrase.slice(0, size);
    }
  }
  return passphrase;
}

function alphabetSize(chars: string[]): number {
  const has = (re: RegExp) => chars.some((c) => re.test(c));
  let size = 0;
  if (has(/[a-z]/)) size += 26;
  if (has(/[A-Z]/)) size += 26;
  if (has(/[0-9]/)) size += 10;
  if (has(/ /)) size += 1;
  if (has(/[!-/:-@[-`{-~]/)) size += 33;
  if (has(/[^\x00-\x7f]/)) size += 100;
  return Math.max(size, 2);
}
