import { describe, expect, it } from 'vitest';
import { withoutEmptyPageScripts } from '../../../scripts/build/drop-empty-page-scripts';

const bundle = {
  'chunks/empty-A1.js': { type: 'chunk' as const, code: '\n' },
  'chunks/main-B2.js': { type: 'chunk' as const, code: 'console.info(1);' },
  'assets/styles.css': { type: 'asset' as const },
};
const tag = (file: string) => `<script type="module" crossorigin src="/${file}"></script>`;

describe('empty module scripts taken out of the pages', () => {
  it('drops the tag of an empty chunk and keeps every other script', () => {
    const html = `<head>${tag('chunks/empty-A1.js')}${tag('chunks/main-B2.js')}<script src="/popup-app.js" defer></script></head>`;
    expect(withoutEmptyPageScripts(html, bundle)).toBe(`<head>${tag('chunks/main-B2.js')}<script src="/popup-app.js" defer></script></head>`);
  });

  it('keeps a tag whose file it does not know as an empty chunk', () => {
    const html = `${tag('chunks/unknown.js')}${tag('assets/styles.css')}`;
    expect(withoutEmptyPageScripts(html, bundle)).toBe(html);
    expect(withoutEmptyPageScripts(tag('chunks/empty-A1.js'), undefined)).toBe(tag('chunks/empty-A1.js'));
  });
});
