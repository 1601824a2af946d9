// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryList } from '../../../../features/entries/ui/EntryList';
import type { EntryMeta } from '../../../../features/vault/schema';

const NOW = Date.UTC(2026, 11, 1, 12);
let container: HTMLElement | undefined;

afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = undefined;
});

const meta = (i: number): EntryMeta =>
  ({ id: `id-${i}`, alias: `Shop ${i}`, kind: 'seller', connector: 'other', environment: 'production', region: 'EU', createdAt: NOW, updatedAt: NOW, secretIssuedAt: NOW - i * 86_400_000 }) as EntryMeta;

function list(entries: EntryMeta[], total: number, query = '') {
  return <EntryList entries={entries} total={total} unreadable={[]} damaged={new Set()} query={query} onQuery={() => {}} onOpen={() => {}} onAdd={() => {}} now={NOW} focusSearch={false} />;
}

/** The list as it stands once its effects have run. */
async function show(entries: EntryMeta[], total: number, query = ''): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.append(container);
  await act(() => render(list(entries, total, query), container!));
  return container;
}

describe('the entry list with only its first page', () => {
  const firstPage = Array.from({ length: 50 }, (_, i) => meta(i));

  it('counts every entry and offers the rest', async () => {
    const shown = await show(firstPage, 200);
    expect(shown.querySelector('#entries-title')?.textContent).toBe('Entries (200)');
    expect(shown.querySelectorAll('.entry-row')).toHaveLength(50);
    expect(shown.textContent).toContain('Showing the 50 most urgent of 200.');
    expect(shown.textContent).toContain('Show 150 more');
  });

  // A toolbar popup opens smaller than it will be (it grows to its content, up to 600 px): its first frame still
  // draws the rows 600 px can show.
  it.each([
    ['a tab 768 px high', 768, 16],
    ['a popup that opened 100 px high', 100, 13],
  ])('draws in its first frame only the rows the window can show (%s), the rest of the page right after', async (_, height, rowsOnScreen) => {
    const realHeight = window.innerHeight;
    Object.defineProperty(window, 'innerHeight', { value: height, configurable: true });
    try {
      container = document.createElement('div');
      document.body.append(container);
      render(list(firstPage, 200), container); // effects not run yet: what the first frame shows
      const rows = () => [...container!.querySelectorAll('.entry-row')].map((row) => row.getAttribute('data-entry-id'));
      const firstFrame = rows();
      expect(firstFrame).toHaveLength(rowsOnScreen);
      expect(container.textContent).toContain('Showing the 50 most urgent of 200.'); // counts what the page holds
      await new Promise((resolve) => setTimeout(resolve, 50)); // Preact runs effects after the next frame
      const all = rows();
      expect(all).toHaveLength(50);
      expect(all.slice(0, rowsOnScreen)).toEqual(firstFrame); // the most urgent first, in the same order
    } finally {
      Object.defineProperty(window, 'innerHeight', { value: realHeight, configurable: true });
    }
  });

  it('never says "no match" before it has seen every entry', async () => {
    const partial = await show(firstPage, 200, 'Zebra');
    expect(partial.textContent).toContain('Loading every entry…');
    expect(partial.textContent).not.toContain('No entry matches');
    expect(partial.querySelector('[role="status"]')?.textContent).toBe('');
    render(null, partial);
    partial.remove();

    const whole = await show(firstPage, 50, 'Zebra');
    expect(whole.textContent).toContain('No entry matches “Zebra”.');
    expect(whole.querySelector('[role="status"]')?.textContent).toBe('0 of 50 entries match.');
  });
});
