import '../../platform/zod-jitless';
import { render } from 'preact';
import { App } from '../../features/popup/App';
import '../../components/styles.css';

const popout = new URLSearchParams(location.search).has('popout');
document.body.classList.toggle('popout', popout);
render(<App popout={popout} />, document.getElementById('app')!);
