import type { JSX, TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { FieldName, FieldProblem } from './form';

interface Props {
  name: FieldName;
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: (event: FocusEvent) => void;
  onPaste?: (event: ClipboardEvent) => void;
  hint?: string;
  /** Shown once the field was left or a save was tried. */
  problem?: FieldProblem;
  saveAnyway?: boolean;
  onSaveAnyway?: (checked: boolean) => void;
  /** Masked with a Show toggle, like a password. */
  secret?: boolean;
  multiline?: boolean;
  type?: 'text' | 'url' | 'date';
  /** Identifiers are easier to compare in a fixed-width font. */
  mono?: boolean;
  required?: boolean;
  /** An example value, for a field whose label says enough. */
  placeholder?: string;
}

export const fieldId = (name: FieldName) => `field-${name}`;

/** One labelled input of the entry editor with its hint, its inline problem and the "save anyway" choice. */
export function EditorField(props: Props) {
  const { name, label, value, hint, problem, secret, multiline, mono, required } = props;
  const [shown, setShown] = useState(false);
  const id = fieldId(name);
  const describedBy = [problem && `${id}-problem`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    class: mono ? 'mono' : undefined,
    spellcheck: false,
    autoComplete: 'off',
    required,
    placeholder: props.placeholder,
    'aria-invalid': problem && !props.saveAnyway ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: props.onBlur,
    onPaste: props.onPaste,
  };
  const onInput = (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onInput(event.currentTarget.value);

  let control: JSX.Element;
  if (multiline) control = <textarea {...common} spellcheck={true} onInput={onInput} />;
  else if (secret && !shown) control = <input {...common} type="password" onInput={onInput} />;
  else if (props.type === 'url') control = <input {...common} type="url" onInput={onInput} />;
  else if (props.type === 'date') control = <input {...common} type="date" onInput={onInput} />;
  else control = <input {...common} type="text" onInput={onInput} />;

  return (
    <div class="editor-field">
      <label for={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {secret ? (
        <div class="input-row">
          {control}
          <button type="button" aria-pressed={shown} aria-label={`${shown ? 'Hide' : 'Show'} ${label.toLowerCase()}`} onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
          </button>
        </div>
      ) : (
        control
      )}
      {problem && (
        <div id={`${id}-problem`} class={props.saveAnyway ? 'field-warning' : 'field-error'}>
          <p>{problem.message}</p>
          {problem.overridable && props.onSaveAnyway && (
            <label class="checkbox">
              <input type="checkbox" checked={props.saveAnyway} onChange={(e) => props.onSaveAnyway!(e.currentTarget.checked)} />
              Save anyway: I copied it exactly as Amazon showed it
            </label>
          )}
        </div>
      )}
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
