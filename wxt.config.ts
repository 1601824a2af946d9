import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { AMAZON_CONSOLE_MATCHES } from './features/amazon/hosts';
import { contentScriptDiet } from './features/rotation-watch/content-build';
import { SHOPCTRL_MATCH_PATTERN } from './features/shopctrl/url';
import { SP_API_PERMISSIONS } from './features/authorize/check';
import { TOKEN_ENDPOINT_PERMISSIONS } from './features/authorize/settings';
import { bundleHardening } from './scripts/build/bundle-hardening';
import { dropEmptyPageScripts } from './scripts/build/drop-empty-page-scripts';
import { gitIgnoredGlobs } from './scripts/build/git-ignored';
import { inlinePageStyles } from './scripts/build/inline-page-styles';

// See README "Permissions" for why each entry is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [
      preact(),
      bundleHardening(),
      inlinePageStyles(/[\\/]entrypoints[\\/](popup|locked|options)[\\/]index\.html$/),
      dropEmptyPageScripts(),
    ],
    // Both browsers know modulepreload: the polyfill would be one more script request on every page.
    build: { modulePreload: { polyfill: false } },
  }),
  // Mozilla's sources zip (`npm run zip:firefox`): what rebuilds the extension, nothing git ignores, no tests.
  zip: { excludeSources: [...gitIgnoredGlobs('.gitignore'), 'tests/**', 'bench/**'] },
  hooks: {
    // The content script runs on every Amazon console page: no polyfill, no host table (≤ 20 KB).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entry) => entry.name === 'content')) config.plugins = [contentScriptDiet(), ...(config.plugins ?? [])];
    },
  },
  manifest: ({ browser }) => ({
    name: 'LWA Vault',
    // Chrome Web Store: at most 132 characters (tests/store/).
    description: 'Encrypted vault for Amazon SP-API LWA credentials: captures OAuth redirects, catches rotated secrets, counts down deadlines.',
    permissions: [
      'storage',
      'alarms',
      'clipboardWrite',
      'clipboardRead',
      // Authorize: sees the redirect back from Amazon (URL-filtered to spapi_oauth_code / amazon_callback_uri).
      'webNavigation',
      // Authorize: sees Amazon's HTTP 302 to the redirect URI as Amazon sends it (non-blocking, Amazon hosts only).
      'webRequest',
      'notifications',
      // Chrome's service worker has no DOM: clearing the clipboard needs an offscreen document.
      ...(browser === 'firefox' ? [] : ['offscreen']),
      // Rotate: fills LWA Client Secret into the user's ShopCtrl tab, on their click (features/shopctrl/).
      'scripting',
    ],
    // Rotate → ShopCtrl: the user's tenant host is only known at run time; see README "Permissions".
    // Authorize: webRequest reports Amazon's 302 only for hosts granted here; the same hosts the content script
    // runs on, so the install prompt is unchanged.
    host_permissions: [SHOPCTRL_MATCH_PATTERN, ...AMAZON_CONSOLE_MATCHES],
    // Rotate: the panel beside a new secret is our page framed into the Amazon console tabs, nowhere else.
    web_accessible_resources: [{ resources: ['panel.html'], matches: AMAZON_CONSOLE_MATCHES, use_dynamic_url: true }],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'LWA Vault' },
    // Opens the popup from the keyboard; users can change it at chrome://extensions/shortcuts.
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open LWA Vault' } },
    // Authorize → token exchange: asked for only when the user first exchanges a code (features/authorize/settings.ts).
    optional_host_permissions: [...TOKEN_ENDPOINT_PERMISSIONS, ...SP_API_PERMISSIONS],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lwa-vault@lwa-vault.dev',
              // The first versions that know data_collection_permissions (desktop 140, Android 142).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
