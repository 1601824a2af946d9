import { describe, expect, it } from 'vitest';
import { contentScriptDiet } from '../../../features/rotation-watch/content-build';

// The content script's bundle leaves out the polyfill and the host table (it runs on every console page).
describe('contentScriptDiet', () => {
  const plugin = contentScriptDiet();
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const load = plugin.load as (id: string) => string | undefined;

  it('replaces the extension API polyfill with the browser’s own API', () => {
    for (const id of ['wxt/browser', '@wxt-dev/webextension-polyfill/browser', 'webextension-polyfill']) {
      const resolved = resolveId(id)!;
      expect(load(resolved)).toContain('globalThis.chrome');
    }
    expect(resolveId('preact')).toBeUndefined();
  });

  it('keeps only an empty match list of the host table (the manifest gets the real one at build time)', () => {
    expect(load('/work/x/features/amazon/hosts.ts')).toBe('export const AMAZON_CONSOLE_MATCHES = [];');
    expect(load('/work/x/features/amazon/redirect.ts')).toBeUndefined();
  });
});
