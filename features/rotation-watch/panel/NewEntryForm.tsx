import { useState } from 'preact/hooks';
import type { NewEntryInput, SightingView } from '../protocol';

interface Props {
  suggestion: SightingView['suggestion'];
  /** Ask for the ShopCtrl address too (the user wants to fill ShopCtrl next). */
  askShopCtrl: boolean;
  busy: boolean;
  onSubmit: (input: NewEntryInput, event: MouseEvent) => void;
}

/** A new vault entry for the sighted secret, prefilled from the console host and the client id. */
export function NewEntryForm({ suggestion, askShopCtrl, busy, onSubmit }: Props) {
  const [alias, setAlias] = useState(suggestion.alias);
  const [kind, setKind] = useState(suggestion.kind);
  const [region, setRegion] = useState(suggestion.region);
  const [shopCtrlUrl, setShopCtrlUrl] = useState('');

  const submit = (event: MouseEvent) => {
    event.preventDefault();
    const url = shopCtrlUrl.trim();
    onSubmit({ alias: alias.trim() || suggestion.alias, kind, region, ...(url ? { shopCtrlUrl: url } : {}) }, event);
  };

  return (
    <form class="new-entry" onSubmit={(e) => e.preventDefault()}>
      <label for="ne-alias">Entry name</label>
      <input id="ne-alias" value={alias} maxLength={200} onInput={(e) => setAlias(e.currentTarget.value)} />
      <div class="row">
        <div>
          <label for="ne-kind">Console</label>
          <select id="ne-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)}>
            <option value="seller">Seller Central</option>
            <option value="vendor">Vendor Central</option>
          </select>
        </div>
        <div>
          <label for="ne-region">Region</label>
          <select id="ne-region" value={region} onChange={(e) => setRegion(e.currentTarget.value as typeof region)}>
            <option value="NA">North America</option>
            <option value="EU">Europe</option>
            <option value="FE">Far East</option>
          </select>
        </div>
      </div>
      <label for="ne-shopctrl">ShopCtrl shop settings URL{askShopCtrl ? '' : ' (optional)'}</label>
      <input
        id="ne-shopctrl"
        type="url"
        inputMode="url"
        placeholder="https://yourshop.shopctrl.com/…"
        required={askShopCtrl}
        value={shopCtrlUrl}
        onInput={(e) => setShopCtrlUrl(e.currentTarget.value)}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} onClick={submit}>
          Create entry and save
        </button>
      </div>
    </form>
  );
}
