import type { Browser } from 'wxt/browser';

/**
 * The type of the `chrome` global inside the extension, for code passed to `worker.evaluate` or
 * `page.evaluate` on an extension page. Declare it per spec file, not globally, so app code cannot lean on
 * it by accident:
 *
 *   import type { Chrome } from './fixtures';
 *   declare const chrome: Chrome;
 */
export type Chrome = typeof Browser;
