// @vitest-environment happy-dom
import { render } from 'preact';
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

function show(entries: EntryMeta[], total: number, query = ''): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(
    <EntryList entries={entries} total={total} unreadable={[]} damaged={new Set()} query={query} onQuery={() => {}} onOpen={() => {}} onAdd={() => {}} now={NOW} focusSearch={false} />,
    container,
  );
  return container;
}

describe('the entry list with only its first page', () => {
  const firstPage = Array.from({ length: 50 }, (_, i) => meta(i));

  it('counts every entry and offers the rest', () => {
    const list = show(firstPage, 200);
    expect(list.querySelector('#entries-title')?.textContent).toBe('Entries (200)');
    expect(list.querySelectorAll('.entry-row')).toHaveLength(50);
    expect(list.textContent).toContain('Showing the 50 most urgent of 200.');
    expect(list.textContent).toContain('Show 150 more');
  });

  it('never says "no match" before it has seen every entry', () => {
    const partial = show(firstPage, 200, 'Zebra');
    expect(partial.textContent).toContain('Loading every entry…');
    expect(partial.textContent).not.toContain('No entry matches');
    expect(partial.querySelector('[role="status"]')?.textContent).toBe('');
    render(null, partial);
    partial.remove();

    const whole = show(firstPage, 50, 'Zebra');
    expect(whole.textContent).toContain('No entry matches “Zebra”.');
    expect(whole.querySelector('[role="status"]')?.textContent).toBe('0 of 50 entries match.');
  });
});
