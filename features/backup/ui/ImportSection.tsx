import { useState } from 'preact/hooks';
import { send } from '../../../platform/client';
import { openPopOut } from '../../../platform/pop-out';
import { useSubmission } from '../../../components/useSubmission';
import type { BackupProgress } from '../protocol';
import { PassphraseField } from '../../../components/PassphraseField';
import { ProgressBar } from '../../../components/ProgressBar';
import { FeedbackMessage } from '../../../components/FeedbackMessage';

/** Import merges into the vault: nothing is written unless the whole file decrypts and checks out. */
export function ImportSection({ progress, popout }: { progress: BackupProgress | null; popout: boolean }) {
  const [file, setFile] = useState<File>();
  const [passphrase, setPassphrase] = useState('');
  const { busy, message, run } = useSubmission();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    await run(async () => {
      const reply = await send('backup.import', { text: await file.text(), passphrase });
      setPassphrase('');
      return `Imported: ${reply.message}`;
    }, 'The backup was not imported. Your vault is unchanged.');
  };

  return (
    <form onSubmit={submit} aria-labelledby="import-title">
      <h2 id="import-title">Import a backup</h2>
      <p class="field-hint">
        Entries are merged: for the same entry the newer version wins and the other is kept in its history. Nothing
        is deleted.
      </p>
      {!popout && (
        <p class="field-hint">
          Choosing a file closes the toolbar popup in some browsers.{' '}
          <button type="button" onClick={() => void openPopOut()}>
            Open LWA Vault in a tab
          </button>
        </p>
      )}
      <label for="import-file">Backup file</label>
      <input
        id="import-file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => setFile(e.currentTarget.files?.[0])}
      />
      <PassphraseField label="Passphrase of this backup" value={passphrase} onInput={setPassphrase} autoComplete="current-password" />
      {busy && <ProgressBar progress={progress?.operation === 'import' ? progress : null} fallback="Importing…" />}
      <FeedbackMessage message={message} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy || !file || !passphrase}>
          {busy ? 'Importing…' : 'Import backup'}
        </button>
      </div>
    </form>
  );
}
