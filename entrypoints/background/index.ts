import '../../platform/zod-jitless';
import { defineBackground } from 'wxt/utils/define-background';
import { authorizeBackground } from '../../features/authorize/background';
import { backupBackground } from '../../features/backup/background';
import { deadlinesBackground } from '../../features/deadlines/background';
import { entriesBackground } from '../../features/entries/background';
import { drafts } from '../../features/entries/drafts';
import { popupBackground } from '../../features/popup/background';
import { rotationWatchBackground } from '../../features/rotation-watch/background';
import { settingsBackground } from '../../features/settings/background';
import { settings as userSettings } from '../../features/settings/storage';
import { vaultBackground } from '../../features/vault/background';
import { listen } from '../../platform/background-feature';
import { clipboardBackground } from '../../platform/clipboard/background';
import type { Handlers } from '../../platform/router';

export default defineBackground(() => {
  // Every entry change repaints the badge; every lock drops the editor drafts (they may hold a typed secret).
  const vault = vaultBackground({ entriesChanged: () => void deadlines.repaint(), locked: () => drafts.discardAll() });
  const deadlines = deadlinesBackground({ vault: vault.service });
  const entries = entriesBackground({ vault: vault.service, touch: vault.touch });
  const settings = settingsBackground({ touch: vault.touch });
  const backup = backupBackground({ vault: vault.service, touch: vault.touch });
  const authorize = authorizeBackground({ entries: entries.api, vault: vault.service, restoreBadge: deadlines.repaint });
  const rotationWatch = rotationWatchBackground({ vault: vault.service, checks: authorize.checks });
  const clipboard = clipboardBackground({ delaySeconds: async () => (await userSettings.get()).clipboardClearSeconds });
  const features = [vault, deadlines, entries, settings, backup, authorize, rotationWatch, clipboard];
  listen(features, {
    ...vault.handlers,
    ...settings.handlers,
    ...entries.handlers,
    ...deadlines.handlers,
    ...backup.handlers,
    ...authorize.handlers,
    ...rotationWatch.handlers,
    ...clipboard.handlers,
  } satisfies Handlers);
  popupBackground({ vault: vault.service });
});
