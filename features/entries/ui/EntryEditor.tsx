import { useEffect, useRef, useState } from 'preact/hooks';
import { MARKETPLACES } from '../../amazon/hosts';
import { CLIENT_ID_RULE, CLIENT_SECRET_RULE } from '../../amazon/identifiers';
import { RequestError, send } from '../../../platform/client';
import { drafts } from '../drafts';
import { runtimeTimeZone } from '../../deadlines/calendar';
import { toDateInput } from './dates';
import type { EntryView } from '../protocol';
import type { EntryMeta } from '../../vault/schema';
import { inSentence } from '../../../components/SecretField';
import { Working } from '../../../components/Working';
import { EditorField, fieldId } from './EditorField';
import {
  applyPaste,
  blockingProblems,
  CONNECTOR_LABELS,
  entryFromForm,
  ENVIRONMENT_LABELS,
  FIELD_LABELS,
  KIND_LABELS,
  KIND_OF_CONNECTOR,
  patchFromForm,
  REGION_LABELS,
  SELLING_PARTNER_HINT,
  validateForm,
  type EntryForm,
  type FieldName,
} from './form';

interface Props {
  /** The draft key: NEW_ENTRY_DRAFT or the id of the entry being edited. */
  target: string;
  /** The stored entry when editing. */
  original?: EntryView;
  initial: EntryForm;
  /** The form was brought back from a draft of an earlier visit. */
  restored: boolean;
  /** The field to start at; the name (the first field) by default. */
  focus?: FieldName;
  onSaved: (meta: EntryMeta) => void;
  /** Leaves the editor; `message` says what became of the input. */
  onCancel: (message?: string) => void;
  onError: (error: unknown) => void;
}

const REGIONS = ['NA', 'EU', 'FE'] as const;

/** Create or edit an entry. Every change is kept as a draft until it is saved or cancelled. */
export function EntryEditor({ target, original, initial, restored, focus = 'alias', onSaved, onCancel, onError }: Props) {
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState(restored ? 'Your unsaved changes from last time were restored.' : '');
  const latest = useRef(initial);
  const timeZone = runtimeTimeZone();

  useEffect(() => void document.getElementById(fieldId(focus))?.focus(), []);

  const problems = validateForm(form, Date.now(), timeZone);
  const visible = (name: FieldName) => (submitted || touched.has(name) ? problems[name] : undefined);

  const update = (patch: Partial<EntryForm>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setForm(next);
    void drafts.save(target, next); // at once, not in an effect: the popup may close right after this keystroke
  };
  const touch = (...names: FieldName[]) => setTouched((current) => new Set([...current, ...names]));

  const field = (name: FieldName, extra: Partial<Parameters<typeof EditorField>[0]> = {}) => (
    <EditorField
      name={name}
      label={FIELD_LABELS[name]}
      value={form[name]}
      onInput={(value) => update({ [name]: value })}
      onBlur={(event) => {
        // Leaving the field for Save or Cancel: showing the problem now would move the button from under the click.
        if (!(event.relatedTarget as HTMLElement | null)?.closest('.form-actions')) touch(name);
      }}
      onPaste={(event) => {
        const result = applyPaste(latest.current, name, event.clipboardData?.getData('text/plain') ?? '');
        if (!result) return;
        event.preventDefault();
        update(result.form);
        touch(...result.filled);
        if (result.filled.length > 1 || result.filled[0] !== name) {
          // The URL does not say when its code was issued: the authorization day is the user's to give.
          const askDay = name === 'resultUrl' && result.form.authorizedOn === '' ? ' When did you authorize the app? Set “Authorized on”.' : '';
          setAnnouncement(`Filled ${result.filled.map((f) => inSentence(FIELD_LABELS[f])).join(' and ')} from the pasted text.${askDay}`);
        }
      }}
      problem={visible(name)}
      saveAnyway={form.saveAnyway.includes(name)}
      onSaveAnyway={(checked) =>
        update({ saveAnyway: checked ? [...latest.current.saveAnyway, name] : latest.current.saveAnyway.filter((f) => f !== name) })
      }
      {...extra}
    />
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    const blocking = blockingProblems(problems, form.saveAnyway);
    if (blocking.length > 0) {
      document.getElementById(fieldId(blocking[0]!))?.focus();
      return;
    }
    setSaving(true);
    try {
      const now = Date.now();
      const { meta } = original
        ? await send('entries.update', { id: original.meta.id, ...patchFromForm(form, original.meta, now, timeZone) })
        : await send('entries.create', entryFromForm(form, now, timeZone));
      await drafts.discard(target);
      onSaved(meta);
    } catch (error) {
      setSaving(false);
      if (error instanceof RequestError && error.code !== 'locked') setAnnouncement(error.message);
      else onError(error);
    }
  };

  const cancel = async () => {
    await drafts.discard(target);
    onCancel();
  };

  const blocking = submitted ? blockingProblems(problems, form.saveAnyway) : [];
  const title = original ? `Edit ${original.meta.alias}` : 'Add an entry';

  return (
    <form
      class="editor"
      onSubmit={submit}
      aria-labelledby="editor-title"
      noValidate
      onKeyDown={(event) => {
        // Escape leaves the editor; the draft stays and comes back at the next visit.
        if (event.key === 'Escape' && !saving) onCancel(latest.current === initial ? '' : 'Left the editor: your input is kept as a draft.');
      }}
    >
      <h2 id="editor-title">
        {title}
      </h2>
      <p class="alert info" role="status" hidden={!announcement}>
        {announcement}
      </p>
      {restored && (
        <p class="field-hint">
          Changes are kept while you type, even if the popup closes. <button type="button" class="link" onClick={cancel}>Discard them</button>
        </p>
      )}

      <fieldset>
        <legend>App</legend>
        {field('alias', { required: true, hint: 'A name you will recognise, such as "ShopCtrl 1P DE".' })}
        <label for="field-connector">{FIELD_LABELS.connector}</label>
        <select
          id="field-connector"
          value={form.connector}
          onChange={(e) => {
            const connector = e.currentTarget.value as EntryForm['connector'];
            update({ connector, kind: KIND_OF_CONNECTOR[connector] ?? form.kind });
          }}
        >
          {Object.entries(CONNECTOR_LABELS).map(([value, label]) => (
            <option value={value}>{label}</option>
          ))}
        </select>
        <label for="field-kind">{FIELD_LABELS.kind}</label>
        <select id="field-kind" value={form.kind} onChange={(e) => update({ kind: e.currentTarget.value as EntryForm['kind'] })}>
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option value={value}>{label}</option>
          ))}
        </select>
        <label for="field-environment">{FIELD_LABELS.environment}</label>
        <select
          id="field-environment"
          value={form.environment}
          onChange={(e) => update({ environment: e.currentTarget.value as EntryForm['environment'] })}
        >
          {Object.entries(ENVIRONMENT_LABELS).map(([value, label]) => (
            <option value={value}>{label}</option>
          ))}
        </select>
        <div class="two-columns">
          <div>
            <label for="field-region">{FIELD_LABELS.region}</label>
            <select
              id="field-region"
              value={form.region}
              onChange={(e) => {
                const region = e.currentTarget.value as EntryForm['region'];
                const keep = MARKETPLACES.some((m) => m.code === form.marketplace && m.region === region);
                update({ region, marketplace: keep ? form.marketplace : '' });
              }}
            >
              {REGIONS.map((region) => (
                <option value={region}>{REGION_LABELS[region]}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="field-marketplace">{FIELD_LABELS.marketplace}</label>
            <select
              id="field-marketplace"
              value={form.marketplace}
              onChange={(e) => {
                const marketplace = MARKETPLACES.find((m) => m.code === e.currentTarget.value);
                update({ marketplace: marketplace?.code ?? '', region: marketplace?.region ?? form.region });
              }}
            >
              <option value="">Not set</option>
              {REGIONS.map((region) => (
                <optgroup label={REGION_LABELS[region]}>
                  {MARKETPLACES.filter((m) => m.region === region).map((m) => (
                    <option value={m.code}>{m.name}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>LWA credentials</legend>
        <p class="field-hint">Paste the whole "LWA credentials" box from Developer Central into either field: both are filled.</p>
        {field('clientId', { mono: true, hint: CLIENT_ID_RULE })}
        {field('clientSecret', { mono: true, secret: true, hint: CLIENT_SECRET_RULE })}
        {field('refreshToken', { mono: true, secret: true })}
        {field('applicationId', { mono: true, hint: 'amzn1.sp.solution.… — used to build consent URLs; not the client id.' })}
        {field('redirectUri', { mono: true, type: 'url' })}
        {field('sellingPartnerId', { mono: true, hint: SELLING_PARTNER_HINT[form.kind] })}
      </fieldset>

      <fieldset>
        <legend>Current secret</legend>
        <div class="radio-row" role="radiogroup" aria-label="Which date do you know?">
          <label class="checkbox">
            <input type="radio" name="secretDate" checked={form.secretDate === 'stated'} onChange={() => update({ secretDate: 'stated' })} />
            The expiry date Amazon shows
          </label>
          <label class="checkbox">
            <input type="radio" name="secretDate" checked={form.secretDate === 'issued'} onChange={() => update({ secretDate: 'issued' })} />
            When it was issued
          </label>
        </div>
        {form.secretDate === 'issued'
          ? field('secretIssuedOn', { type: 'date', hint: 'It expires 180 days later. Today if you have just rotated it.' })
          : field('secretExpiresOn', { type: 'date', hint: 'Developer Central shows it under LWA credentials → View. Counted from the start of that day.' })}
        {form.secretExpiresOn === '' && form.secretIssuedOn === '' && (
          <p class="field-hint">Without a date the secret is “Date unknown”: LWA Vault cannot warn you before it expires.</p>
        )}
      </fieldset>

      <fieldset>
        <legend>Authorization and ShopCtrl</legend>
        {field('resultUrl', { mono: true, secret: true, hint: 'The URL Amazon redirected to after you authorized the app (it holds spapi_oauth_code and the selling partner id).' })}
        {field('authorizedOn', { type: 'date', hint: 'The authorization must be renewed 365 days later.' })}
        {form.authorizedOn === '' && (
          <button type="button" class="link" onClick={() => update({ authorizedOn: toDateInput(Date.now(), timeZone) })}>
            I authorized it today
          </button>
        )}
        {field('shopCtrlUrl', { type: 'url', hint: 'Optional: your ShopCtrl shop settings page, on your own …shopctrl.com host.' })}
      </fieldset>

      {field('notes', { multiline: true })}

      {blocking.length > 0 && (
        <p class="alert error" role="alert">
          {blocking.length === 1 ? 'One field needs' : `${blocking.length} fields need`} attention: {blocking.map((f) => FIELD_LABELS[f]).join(', ')}.
        </p>
      )}
      {saving ? (
        <Working label="Encrypting and saving…" />
      ) : (
        <div class="form-actions">
          <button type="submit" class="primary">
            {original ? 'Save changes' : 'Save entry'}
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
