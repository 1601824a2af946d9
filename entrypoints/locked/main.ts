// The locked screen is in this page's HTML. The popup's code is loaded only once that screen has been painted, so
// nothing of ours runs before the first paint; it then takes the screen over (features/popup/locked-page.ts).
// An Enter or Unlock before then is remembered on the form, and the takeover unlocks with what was typed.
const form = document.querySelector('form');
const remember = (event: Event) => {
  event.preventDefault();
  form?.setAttribute('data-submitted', '');
};
form?.addEventListener('submit', remember);
requestAnimationFrame(() => setTimeout(() => void import('../popup/main').then(() => form?.removeEventListener('submit', remember))));
