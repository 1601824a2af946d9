import type { Plugin } from 'vite';

/**
 * Build-time diet for the content script, which runs on every Amazon console page (budget: 20 KB minified).
 * Used from wxt.config.ts for the `content` entrypoint's bundle only:
 * - `wxt/browser` (aliased to webextension-polyfill, ~11 KB) becomes the browser's own promise-based API
 *   (`browser` in Firefox, `chrome` in Chrome MV3): the content script needs runtime.sendMessage / getURL / id.
 * - `features/amazon/hosts.ts` becomes an empty match list: WXT reads `matches` at build time from the real module
 *   (this plugin is not part of that import), but the runtime bundle would otherwise carry the whole table.
 */
const POLYFILL_IDS = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser', 'webextension-polyfill']);
const NATIVE_BROWSER = '\0lwa-vault:native-browser';
const HOSTS_MODULE = /[\\/]features[\\/]amazon[\\/]hosts\.ts$/;

export function contentScriptDiet(): Plugin {
  return {
    name: 'lwa-vault:content-script-diet',
    enforce: 'pre',
    resolveId(id) {
      return POLYFILL_IDS.has(id) ? NATIVE_BROWSER : undefined;
    },
    load(id) {
      if (id === NATIVE_BROWSER) {
        return 'export const browser = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;';
      }
      if (HOSTS_MODULE.test(id)) return 'export const AMAZON_CONSOLE_MATCHES = [];';
      return undefined;
    },
  };
}
