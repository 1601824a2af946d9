import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { focusWasLost } from './focus';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  describedBy?: string;
  invalid?: boolean;
}

/** A passphrase input with a show/hide toggle; long passphrases are welcome. */
export function PassphraseField({ label, value, onInput, autoComplete, autoFocus, describedBy, invalid }: Props) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The autofocus attribute only works at page load: after locking, the field must take focus itself.
  useEffect(() => void (autoFocus && focusWasLost() && input.current?.focus()), []);
  return (
    <div>
      <label for={id}>{label}</label>
      <div class="input-row">
        <input
          id={id}
          type={(shown ? 'text' : 'password') as 'password'}
          value={value}
          maxLength={1024}
          autoComplete={autoComplete}
          ref={input}
          spellcheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <button type="button" aria-pressed={shown} aria-label={`${shown ? 'Hide' : 'Show'} ${label.toLowerCase()}`} onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
        </button>
      </div>
    </div>
  );
}
