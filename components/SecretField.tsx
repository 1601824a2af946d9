import { useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';

interface Props {
  label: string;
  value: string;
  /** Hidden until the user asks (secrets); plain identifiers are shown at once. */
  secret?: boolean;
  onCopied?: () => void;
}

const MASK = '••••••••••••';

/** "Client secret" → "client secret" for use inside a sentence; acronyms ("LWA client id") stay. */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** One stored value in a definition list: label, value (masked for secrets), reveal toggle and copy button. */
export function SecretField({ label, value, secret = false, onCopied }: Props) {
  const [shown, setShown] = useState(!secret);
  const name = inSentence(label);
  return (
    <div class="field-view">
      <dt>{label}</dt>
      <dd>
        {shown ? (
          <code class="value">{value}</code>
        ) : (
          <span class="value masked">
            <span aria-hidden="true">{MASK}</span>
            <span class="sr-only">hidden</span>
          </span>
        )}
        <span class="value-actions">
          {secret && (
            <button type="button" aria-pressed={shown} aria-label={`${shown ? 'Hide' : 'Show'} ${name}`} onClick={() => setShown(!shown)}>
              {shown ? 'Hide' : 'Show'}
            </button>
          )}
          <CopyButton text={value} label={name} onCopied={onCopied} />
        </span>
      </dd>
    </div>
  );
}
