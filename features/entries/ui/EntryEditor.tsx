import { runtimeTimeZone } from '../../../platform/dates';
import { useEffect, useRef, useState } from 'preact/hooks';
import { MARKETPLACES } from '../../amazon/hosts';
import { CLIENT_ID_RULE, CLIENT_SECRET_RULE, normalizePasted } from '../../amazon/identifiers';
import { RequestError, send } from '../../../platform/client';
import { drafts } from '../drafts';
import { toDateInput } from './dates';
import type { EntryView } from '../protocol';
import type { EntryMeta } from '../../vault/schema';
import { inSentence } from '../../../components/SecretField';
import { Working } from '../../../components/Working';
import { EditorField, fieldId } from './EditorField';
import {
  applyPaste,
  authorizationDayOf,
  blockingProblems,
  DETAIL_FIELDS,
  CONNECTOR_LABELS,
  entryFromForm,
  ENVIRONMENT_LABELS,
  FIELD_LABELS,
  hasDetails,
  KIND_LABELS,
  KIND_OF_CONNECTOR,
  pasteCredentialsBox,
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
  // The short form first; everything else under "More details", shown when it already holds something.
  const [detailsOpen, setDetailsOpen] = useState(original !== undefined || DETAIL_FIELDS.includes(focus) || hasDetails(initial));
  // The credentials box is never part of the draft: what it holds moves into the fields it names.
  const [boxText, setBoxText] = useState('');
  const [boxProblem, setBoxProblem] = useState('');

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
  const filledMessage = (filled: readonly FieldName[]) => `Filled ${filled.map((f) => inSentence(FIELD_LABELS[f])).join(' and ')} from the pasted text.`;

  /** A pasted Result URL whose redirect LWA Vault caught dates the authorization; otherwise the user is asked. */
  const dateAuthorization = async (resultUrl: string, announced: string) => {
    let day: string | undefined;
    try {
      day = authorizationDayOf(resultUrl, (await send('authorize.state', {})).captures, timeZone);
    } catch {
      day = undefined; // locked or unreachable: the user gives the day
    }
    if (day !== undefined && latest.current.authorizedOn === '') {
      update({ authorizedOn: day });
      setAnnouncement(`${announced} “Authorized on” is set from when LWA Vault caught this redirect.`);
    } else if (latest.current.authorizedOn === '') {
      setAnnouncement(`${announced} When did you authorize the app? Set “Authorized on”.`);
    }
  };

  const pasteIntoBox = (text: string, pasted = pasteCredentialsBox(latest.current, text)) => {
    if (!pasted.ok) return setBoxProblem(pasted.message);
    setBoxText('');
    setBoxProblem('');
    update(pasted.result.form);
    touch(...pasted.result.filled);
    const ambiguous = pasted.ambiguous.length === 0 ? '' : ` It held more than one ${pasted.ambiguous.map((f) => inSentence(FIELD_LABELS[f])).join(' and ')}: the first was taken, check it under More details.`;
    setAnnouncement(filledMessage(pasted.result.filled) + ambiguous);
  };

  const field = (name: FieldName, extra: Partial<Parameters<typeof EditorField>[0]> = {}) => (
    <EditorField
      name={name}
      label={FIELD_LABELS[name]}
      value={form[name]}
      onInput={(value) => update({ [name]: value })}
      onBlur={(event) => {
        // Leaving the field for Save, Cancel or "More details": showing the problem now would move it from under the click.
        if (!(event.relatedTarget as HTMLElement | null)?.closest('.form-actions, summary')) touch(name);
      }}
      onPaste={(event) => {
        const text = event.clipboardData?.getData('text/plain') ?? '';
        const result = applyPaste(latest.current, name, text);
        const announced = result && (result.filled.length > 1 || result.filled[0] !== name) ? filledMessage(result.filled) : '';
        if (result) {
          event.preventDefault();
          update(result.form);
          touch(...result.filled);
          setAnnouncement(announced);
        }
        // The URL does not say when its code was issued: only a redirect LWA Vault caught can tell.
        if (name === 'resultUrl' && latest.current.authorizedOn === '') void dateAuthorization(normalizePasted(text), announced);
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
      if (blocking.some((f) => DETAIL_FIELDS.includes(f))) setDetailsOpen(true);
      // After the render that opened "More details": a field inside a closed <details> cannot take focus.
      requestAnimationFrame(() => document.getElementById(fieldId(blocking[0]!))?.focus());
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
      <h2 id="editor-title">{title}</h2>
      <p class="alert info" role="status" hidden={!announcement}>
        {announcement}
      </p>
      {restored && (
        <p class="field-hint">
          Changes are kept while you type, even if the popup closes. <button type="button" class="link" onClick={cancel}>Discard them</button>
        </p>
      )}

      {field('alias', { required: true, placeholder: 'such as ShopCtrl 1P DE' })}
      <label for="field-marketplace">{FIELD_LABELS.marketplace}</label>
      <select
        id="field-marketplace"
        value={form.marketplace}
        aria-describedby="field-marketplace-hint"
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
      <p id="field-marketplace-hint" class="field-hint" hidden={form.marketplace === ''}>
        Region: {REGION_LABELS[form.region]}.
      </p>
      {problems.marketplace && <p class="field-error">{problems.marketplace.message}</p>}

      <div class="editor-field">
        <label for="field-credentials-box">LWA credentials</label>
        <textarea
          id="field-credentials-box"
          class="mono credentials-box"
          rows={1}
          spellcheck={false}
          autoComplete="off"
          value={boxText}
          aria-invalid={boxProblem ? true : undefined}
          aria-describedby={`${boxProblem ? 'field-credentials-box-problem ' : ''}field-credentials-box-hint`}
          onPaste={(event) => {
            // A paste never lands in the box: only the values found in it are kept, in their own (masked) fields.
            event.preventDefault();
            pasteIntoBox(event.clipboardData?.getData('text/plain') ?? '');
          }}
          onInput={(event) => {
            // Typed or dropped text is taken once it holds a whole client id or secret (fixed lengths); until then,
            // and for a refresh token (no fixed length), it stays as typed and is taken when the box is left.
            const text = event.currentTarget.value;
            const pasted = pasteCredentialsBox(latest.current, text);
            if (pasted.ok && !pasted.result.filled.includes('refreshToken')) pasteIntoBox(text, pasted);
            else setBoxText(text);
          }}
          onBlur={() => {
            if (boxText.trim() !== '') pasteIntoBox(boxText);
          }}
        />
        {boxProblem && (
          <p id="field-credentials-box-problem" class="field-error">
            {boxProblem}
          </p>
        )}
        <p id="field-credentials-box-hint" class="field-hint">
          {credentialsSummary(form)}
        </p>
      </div>

      <div class="radio-row" role="radiogroup" aria-label="Which date of the current secret do you know?">
        <label class="checkbox">
          <input type="radio" name="secretDate" checked={form.secretDate === 'stated'} onChange={() => update({ secretDate: 'stated' })} />
          Expiry date Amazon shows
        </label>
        <label class="checkbox">
          <input type="radio" name="secretDate" checked={form.secretDate === 'issued'} onChange={() => update({ secretDate: 'issued' })} />
          Issue date
        </label>
      </div>
      {form.secretDate === 'issued'
        ? field('secretIssuedOn', { type: 'date', hint: secretDateHint(form, 'It expires 180 days later.') })
        : field('secretExpiresOn', { type: 'date', hint: secretDateHint(form, 'Developer Central: LWA credentials → View.') })}

      <details class="more-details" open={detailsOpen} onToggle={(e) => setDetailsOpen(e.currentTarget.open)}>
        <summary>More details</summary>
        <fieldset>
          <legend>App</legend>
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
          {KIND_OF_CONNECTOR[form.connector] ? (
            <p class="field-hint">{KIND_LABELS[form.kind]}: this connector talks to it.</p>
          ) : (
            <>
              <label for="field-kind">{FIELD_LABELS.kind}</label>
              <select id="field-kind" value={form.kind} onChange={(e) => update({ kind: e.currentTarget.value as EntryForm['kind'] })}>
                {Object.entries(KIND_LABELS).map(([value, label]) => (
                  <option value={value}>{label}</option>
                ))}
              </select>
            </>
          )}
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
          {form.marketplace === '' && (
            <>
              <label for="field-region">{FIELD_LABELS.region}</label>
              <select id="field-region" value={form.region} onChange={(e) => update({ region: e.currentTarget.value as EntryForm['region'] })}>
                {REGIONS.map((region) => (
                  <option value={region}>{REGION_LABELS[region]}</option>
                ))}
              </select>
            </>
          )}
        </fieldset>

        <fieldset>
          <legend>Credentials</legend>
          {field('clientId', { mono: true, hint: CLIENT_ID_RULE })}
          {field('clientSecret', { mono: true, secret: true, hint: CLIENT_SECRET_RULE })}
          {field('refreshToken', { mono: true, secret: true })}
          {field('applicationId', { mono: true, hint: 'amzn1.sp.solution.… — used to build consent URLs; not the client id.' })}
          {field('redirectUri', { mono: true, type: 'url' })}
          {field('sellingPartnerId', { mono: true, hint: SELLING_PARTNER_HINT[form.kind] })}
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
      </details>

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

/** What the credentials box has filled so far, without showing a secret. */
function credentialsSummary(form: EntryForm): string {
  const held = [
    form.clientId !== '' && `${FIELD_LABELS.clientId} …${form.clientId.trim().slice(-6)}`,
    form.clientSecret !== '' && 'a client secret',
    form.refreshToken !== '' && 'a refresh token',
  ].filter(Boolean);
  if (held.length === 0) return 'Paste Developer Central’s whole “LWA credentials” box.';
  return `Holds ${held.join(', ')}. Paste again to replace; each value is under More details.`;
}

/** Where the date is found, and, while there is none, what that means: no warning before the secret expires. */
function secretDateHint(form: EntryForm, where: string): string {
  return form.secretExpiresOn === '' && form.secretIssuedOn === '' ? `${where} Without a date: “Date unknown”, no warning.` : where;
}
