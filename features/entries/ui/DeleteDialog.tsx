import { useState } from 'preact/hooks';
import { RequestError, send } from '../../../platform/client';
import { Dialog } from '../../../components/Dialog';
import { Working } from '../../../components/Working';

interface Props {
  id: string;
  alias: string;
  onClose: () => void;
  onDeleted: (id: string) => void;
}

/** Deleting cannot be undone: the user confirms with the entry's name in front of them. */
export function DeleteDialog({ id, alias, onClose, onDeleted }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const confirm = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      await send('entries.delete', { id });
      onDeleted(id);
    } catch (e) {
      setBusy(false);
      setError(e instanceof RequestError ? e.message : 'The entry was not deleted. Try again.');
    }
  };
  return (
    <Dialog title={`Delete ${alias}?`} onClose={onClose}>
      <form onSubmit={confirm}>
        <p>Its secrets, tokens and history are removed from this browser. This cannot be undone.</p>
        {error && (
          <p class="alert error" role="alert">
            {error}
          </p>
        )}
        {busy ? (
          <Working label="Deleting…" />
        ) : (
          <div class="form-actions">
            <button type="submit" class="danger">
              Delete entry
            </button>
            <button type="button" onClick={onClose} autoFocus>
              Keep it
            </button>
          </div>
        )}
      </form>
    </Dialog>
  );
}
