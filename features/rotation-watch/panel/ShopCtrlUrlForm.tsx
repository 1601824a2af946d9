import { useState } from 'preact/hooks';

interface Props {
  busy: boolean;
  onSubmit: (url: string, event: MouseEvent) => void;
}

/** Asks once for the entry's ShopCtrl shop settings URL (the user's own *.shopctrl.com host). */
export function ShopCtrlUrlForm({ busy, onSubmit }: Props) {
  const [url, setUrl] = useState('');
  return (
    <form class="shopctrl-url" onSubmit={(e) => e.preventDefault()}>
      <label for="sc-url">ShopCtrl shop settings URL</label>
      <input
        id="sc-url"
        type="url"
        inputMode="url"
        placeholder="https://yourshop.shopctrl.com/…"
        value={url}
        onInput={(e) => setUrl(e.currentTarget.value)}
      />
      <p class="hint muted">Configuration &gt; Shops &gt; your shop &gt; Edit, then copy the address bar.</p>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !url.trim()} onClick={(e) => (e.preventDefault(), onSubmit(url.trim(), e))}>
          Save address and fill
        </button>
      </div>
    </form>
  );
}
