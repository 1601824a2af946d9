import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMAZON_CONSOLE_MATCHES } from '../../features/amazon/hosts';
import { send } from '../../platform/client';
import { startReportingSecrets } from '../../features/rotation-watch/on-page/report-secrets';

// Runs on every Seller Central / Vendor Central / Solution Provider Portal page (explicit hosts, every frame):
// keep it small. The host table and the extension API polyfill are left out of this bundle at build time
// (features/rotation-watch/content-build.ts); the panel is a separate page loaded only when a secret is found.
// With `use_dynamic_url`, getURL gives this session's dynamic address of panel.html (the only one that loads).
export default defineContentScript({
  matches: AMAZON_CONSOLE_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  // WXT would otherwise announce the script to the page with a postMessage naming the extension id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const panelUrl = browser.runtime.getURL('/panel.html');
    const stop = startReportingSecrets({
      doc: document,
      report: (data) => send('rotationWatch.report', data),
      panelUrl,
    });
    ctx.onInvalidated(stop);
  },
});
