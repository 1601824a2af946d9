import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../../platform/client';
import type { CaptureView } from '../protocol';

/** storage.session key the watcher writes (../storage.ts). */
const STATE_KEY = 'capture';

/**
 * The watcher's state, live: refetched whenever the background writes its storage.session key, so a
 * redirect captured while the popup is open fills the wizard at once, and on the next open otherwise.
 */
export function useCaptureState(): { view?: CaptureView; error: string; refresh: () => Promise<void> } {
  const [view, setView] = useState<CaptureView>();
  const [error, setError] = useState('');
  const refresh = useCallback(async () => {
    try {
      setView(await send('authorize.state', {}));
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : 'LWA Vault did not answer.');
    }
  }, []);
  useEffect(() => {
    void refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && STATE_KEY in changes) void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);
  return { view, error, refresh };
}
