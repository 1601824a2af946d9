import '../../platform/zod-jitless';
import { render } from 'preact';
import { App } from '../../features/popup/App';
import { readLockedPage } from '../../features/popup/locked-page';
import { askOnOpening } from '../../features/popup/opening';
import '../../components/styles.css';

const firstStatus = askOnOpening();
const popout = new URLSearchParams(location.search).has('popout');
document.body.classList.toggle('popout', popout);
const root = document.getElementById('app')!;
// Also the locked page's script (entrypoints/locked): there it takes over the static locked screen.
const lockedPage = readLockedPage(root);
render(<App popout={popout} firstStatus={firstStatus} lockedPage={lockedPage} />, root);
lockedPage?.restoreFocus();
