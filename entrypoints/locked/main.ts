import { rememberEarlySubmit } from '../../features/popup/locked-page';

// The locked screen is in this page's HTML. The popup's code (/popup-app.js) is loaded only once that screen has
// been painted, so nothing of ours runs before the first paint; it then takes the screen over
// (features/popup/locked-page.ts).
const release = rememberEarlySubmit(document.querySelector('form'));
requestAnimationFrame(() =>
  setTimeout(() => {
    const script = document.createElement('script');
    script.src = '/popup-app.js';
    script.onload = release;
    document.head.append(script);
  }),
);
