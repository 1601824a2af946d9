import { render } from 'preact';
import { Settings } from '../../features/settings/ui/Settings';
import '../../components/styles.css';

// The browser's "Options" for LWA Vault: the popup's Settings screen, in a tab.
render(<Settings />, document.getElementById('app')!);
