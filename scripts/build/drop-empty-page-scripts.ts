import type { Plugin } from 'vite';

type Bundle = Record<string, { type: 'chunk'; code: string } | { type: 'asset' }>;

/**
 * Takes out of a page each `<script type="module">` whose chunk is empty. WXT puts its plugin loader
 * (`virtual:wxt-html-plugins`) into every page; with no WXT plugin it bundles to nothing, yet on the popup it is a
 * module script of its own, one more request that the popup's deferred script then waits for (measured with
 * `npm run bench`: about a fifth of a blank page's time). Where a page's own chunk imports it, the tag is not
 * there and nothing changes.
 */
export function withoutEmptyPageScripts(html: string, bundle: Bundle | undefined): string {
  return html.replace(/<script type="module"(?: crossorigin)? src="\/([^"]+\.js)"><\/script>/g, (tag, file: string) => {
    const chunk = bundle?.[file];
    return chunk?.type === 'chunk' && chunk.code.trim() === '' ? '' : tag;
  });
}

export function dropEmptyPageScripts(): Plugin {
  return {
    name: 'lwa-vault:drop-empty-page-scripts',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html, { bundle }) => withoutEmptyPageScripts(html, bundle as Bundle | undefined) },
  };
}
