import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See README "Permissions" for why each entry is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'LWA Vault',
    description:
      'Encrypted vault for Amazon SP-API (Login with Amazon) credentials: captures the OAuth redirect, catches rotated client secrets and counts down to every deadline.',
    permissions: [
      'storage',
      'alarms',
      'clipboardWrite',
      'clipboardRead',
      // Chrome's service worker has no DOM: clearing the clipboard needs an offscreen document.
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'LWA Vault' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lwa-vault@lwa-vault.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
