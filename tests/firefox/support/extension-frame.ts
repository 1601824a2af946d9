import type { Page } from 'puppeteer-core';
import { contextId, type FirefoxExtension } from './firefox';

interface TreeNode {
  context: string;
  url: string;
  children?: TreeNode[] | null;
}

/**
 * Waits until `page` holds an extension-owned frame (an iframe on a `moz-extension://` origin; the content script
 * keeps it in a closed shadow root, out of the page's reach) whose document shows `text`. The one place that
 * knows how the extension's UI on a page is recognised: adapt it here when that changes.
 */
export async function waitForExtensionFrame(firefox: FirefoxExtension, page: Page, text: string, timeoutMs = 10_000): Promise<void> {
  const bidi = (firefox.browser as unknown as { connection: { send(m: string, p: object): Promise<{ result: unknown }> } }).connection;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { result } = (await bidi.send('browsingContext.getTree', { root: contextId(page) })) as { result: { contexts: TreeNode[] } };
    const frames = descendants(result.contexts).filter((c) => c.url.startsWith('moz-extension://'));
    for (const frame of frames) {
      const { result: evaluated } = (await bidi.send('script.evaluate', {
        expression: 'document.body?.textContent ?? ""',
        target: { context: frame.context },
        awaitPromise: false,
      })) as { result: { result?: { value?: string } } };
      if (evaluated.result?.value?.includes(text)) return;
    }
    if (Date.now() > deadline) throw new Error(`no extension frame showing “${text}” (${frames.length} extension frames)`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function descendants(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [...(n.children ?? []), ...descendants(n.children ?? [])]);
}
