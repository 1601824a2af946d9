import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../platform/client';
import { useSubmission } from '../../../components/useSubmission';
import { AUTO_LOCK_CHOICES, CLIPBOARD_CLEAR_CHOICES } from '../choices';
import type { Settings as SettingsValue } from '../protocol';
import { assessPassphrase } from '../../vault/passphrase';
import { PassphraseField } from '../../../components/PassphraseField';
import { ReminderThresholds } from '../../deadlines/ui/ReminderThresholds';
import { FeedbackMessage } from '../../../components/FeedbackMessage';

const AUTO_LOCK_LABELS: Record<number, string> = {
  1: 'After 1 minute idle',
  5: 'After 5 minutes idle',
  15: 'After 15 minutes idle (default)',
  30: 'After 30 minutes idle',
  60: 'After 1 hour idle',
  240: 'After 4 hours idle',
  0: 'Only when the browser closes',
};

const CLIPBOARD_LABELS: Record<number, string> = {
  0: 'Never',
  10: 'After 10 seconds',
  30: 'After 30 seconds (default)',
  60: 'After 1 minute',
  120: 'After 2 minutes',
  300: 'After 5 minutes',
};

export function Settings() {
  const [settings, setSettings] = useState<SettingsValue>();
  const [saved, setSaved] = useState('');

  useEffect(() => {
    send('settings.get', {}).then(setSettings);
  }, []);

  const update = async (patch: Partial<SettingsValue>) => {
    setSettings(await send('settings.set', patch));
    setSaved('Saved.');
  };
  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(''), 4000);
    return () => clearTimeout(timer);
  }, [saved, settings]);

  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <label for="auto-lock">Lock the vault</label>
      <select
        id="auto-lock"
        value={settings?.autoLockMinutes ?? 15}
        disabled={!settings}
        onChange={(e) => update({ autoLockMinutes: Number(e.currentTarget.value) as SettingsValue['autoLockMinutes'] })}
      >
        {AUTO_LOCK_CHOICES.map((m) => (
          <option value={m}>{AUTO_LOCK_LABELS[m]}</option>
        ))}
      </select>
      <label for="clipboard-clear">Clear copied secrets from the clipboard</label>
      <select
        id="clipboard-clear"
        value={settings?.clipboardClearSeconds ?? 30}
        disabled={!settings}
        onChange={(e) => update({ clipboardClearSeconds: Number(e.currentTarget.value) as SettingsValue['clipboardClearSeconds'] })}
      >
        {CLIPBOARD_CLEAR_CHOICES.map((s) => (
          <option value={s}>{CLIPBOARD_LABELS[s]}</option>
        ))}
      </select>
      <p class="field-hint">Only cleared if the clipboard still holds what LWA Vault copied.</p>
      <ReminderThresholds value={settings?.reminderThresholds} disabled={!settings} onChange={(reminderThresholds) => update({ reminderThresholds })} />
      <ChangePassphrase />
      {/* Fixed to the bottom of the popup: the control just changed may be the last one on a 600 px screen. */}
      <p class="toast" role="status">
        {saved}
      </p>
    </section>
  );
}

function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, message, setMessage, run } = useSubmission();
  const strength = assessPassphrase(next);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!strength.ok) return setMessage({ kind: 'error', text: strength.hint });
    if (next !== repeat) return setMessage({ kind: 'error', text: 'The new passphrases differ.' });
    await run(async () => {
      await send('vault.changePassphrase', { current, next });
      setCurrent('');
      setNext('');
      setRepeat('');
      return 'Passphrase changed. The old one no longer unlocks the vault.';
    }, 'The passphrase was not changed.');
  };

  return (
    <form onSubmit={submit} aria-labelledby="change-title">
      <h2 id="change-title">Change passphrase</h2>
      <PassphraseField label="Current passphrase" value={current} onInput={setCurrent} autoComplete="current-password" />
      <PassphraseField label="New passphrase" value={next} onInput={setNext} autoComplete="new-password" describedBy="new-strength" />
      <p id="new-strength" class="field-hint">{next ? strength.hint : ''}</p>
      <PassphraseField label="Repeat new passphrase" value={repeat} onInput={setRepeat} autoComplete="new-password" />
      <FeedbackMessage message={message} />
      <div class="form-actions">
        <button type="submit" disabled={busy || !current || !next}>{busy ? 'Changing…' : 'Change passphrase'}</button>
      </div>
    </form>
  );
}
