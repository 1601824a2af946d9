import { useState } from 'preact/hooks';
import { send } from '../../../platform/client';
import { useSubmission } from '../../../components/useSubmission';
import { assessPassphrase } from '../../vault/passphrase';
import { PassphraseField } from '../../../components/PassphraseField';
import { downloadText } from '../../../components/download';
import { ProgressBar } from '../../../components/ProgressBar';
import type { BackupProgress } from '../protocol';
import { FeedbackMessage } from '../../../components/FeedbackMessage';

/** Encrypted export under its own passphrase; the file downloads as soon as it is ready. */
export function ExportSection({ progress }: { progress: BackupProgress | null }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, message, setMessage, run } = useSubmission();
  const strength = assessPassphrase(passphrase);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!strength.ok) return setMessage({ kind: 'error', text: strength.hint });
    if (passphrase !== repeat) return setMessage({ kind: 'error', text: 'The two passphrases differ.' });
    await run(async () => {
      const reply = await send('backup.export', { passphrase });
      downloadText(reply.fileName, reply.text, 'application/json');
      setPassphrase('');
      setRepeat('');
      return `${reply.message} Saved as ${reply.fileName}.`;
    }, 'The backup was not created. Try again.');
  };

  return (
    <form onSubmit={submit} aria-labelledby="export-title">
      <h2 id="export-title">Export an encrypted backup</h2>
      <p class="field-hint">
        Every entry with its secrets, history and timeline, encrypted with a passphrase of its own. Without that
        passphrase nobody can open the file — not even you.
      </p>
      <PassphraseField label="Backup passphrase" value={passphrase} onInput={setPassphrase} autoComplete="new-password" describedBy="export-strength" />
      <p id="export-strength" class="field-hint">{passphrase ? strength.hint : ''}</p>
      <PassphraseField label="Repeat backup passphrase" value={repeat} onInput={setRepeat} autoComplete="new-password" />
      {busy && <ProgressBar progress={progress?.operation === 'export' ? progress : null} fallback="Encrypting the backup…" />}
      <FeedbackMessage message={message} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy || !passphrase || !repeat}>
          {busy ? 'Exporting…' : 'Export backup'}
        </button>
      </div>
    </form>
  );
}
