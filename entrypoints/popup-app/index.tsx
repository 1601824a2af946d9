import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { App } from '../../features/popup/App';
import { readLockedPage } from '../../features/popup/locked-page';
import { openPopup } from '../../features/popup/opening';

// The popup's code, built as one file (/popup-app.js): each further file an extension page loads is one more
// request before the list can show (measured on static pages: eight small module files cost about half a blank
// page's time, one file of 200 KB about a tenth). Loaded by popup.html, its pop-out, and the locked page once its
// screen is painted.
export default defineUnlistedScript(() => {
  const opening = openPopup(document);
  const popout = new URLSearchParams(location.search).has('popout');
  document.body.classList.toggle('popout', popout);
  const root = document.getElementById('app')!;
  // On the locked page it takes over the static locked screen (features/popup/locked-page.ts).
  const lockedPage = readLockedPage(root);
  render(<App popout={popout} opening={opening} lockedPage={lockedPage} />, root);
  lockedPage?.restoreFocus();
});
