import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMAZON_CONSOLE_MATCHES } from '../../utils/amazon/hosts';

export default defineContentScript({
  matches: AMAZON_CONSOLE_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main() {},
});
