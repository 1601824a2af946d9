import { render } from 'preact';

render(<main>LWA Vault</main>, document.getElementById('app')!);
