import '../../utils/zod-jitless';
import { render } from 'preact';
import { App } from '../../components/App';
import '../../components/styles.css';

const popout = new URLSearchParams(location.search).has('popout');
document.body.classList.toggle('popout', popout);
render(<App popout={popout} />, document.getElementById('app')!);
