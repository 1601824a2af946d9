import type { Plugin } from 'vite';

/**
 * Writes each extension page's stylesheets into its HTML as `<style>` elements. A `<link rel="stylesheet">` is a
 * second request the page's first paint waits for (about 20 ms here, `npm run bench`); inline, the locked screen
 * paints with the HTML itself. Extension pages allow inline styles: the manifest CSP restricts scripts only.
 * The files stay in the build: a chunk loaded later (`import()`) still fetches its stylesheets, alongside its code.
 * `pages` matches the source HTML files to inline (the ones whose first paint is measured).
 */
export function inlinePageStyles(pages: RegExp): Plugin {
  return {
    name: 'lwa-vault:inline-page-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle, filename }) =>
        !pages.test(filename) ? html : html.replace(/<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g, (link, file: string) => {
          const asset = bundle?.[file];
          if (asset?.type !== 'asset') return link;
          // `</style` cannot occur in minified CSS, but a stray one must not end the element early.
          return `<style>${String(asset.source).replaceAll('</style', '<\\/style')}</style>`;
        }),
    },
  };
}
