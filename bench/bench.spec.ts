import fs from 'node:fs';
import path from 'node:path';
import { test } from '../tests/e2e/fixtures';
import type { BenchContext, BenchRow } from './types';

/**
 * Every module in bench/rows/ exports `default async (ctx) => BenchRow[]` and runs in a fresh browser profile.
 * The rows are printed as one table at the end and written to bench/results.json.
 */
const ROWS_DIR = path.join(import.meta.dirname, 'rows');
const files = fs.readdirSync(ROWS_DIR).filter((f) => /\.(mjs|ts)$/.test(f)).sort();
const results: Array<BenchRow & { group: string }> = [];

for (const file of files) {
  const group = file.replace(/\.(mjs|ts)$/, '');
  test(group, async ({ extension, openPopup, server, routeAmazon }) => {
    const ctx: BenchContext = {
      extension,
      get context() {
        return extension.context;
      },
      get worker() {
        return extension.worker;
      },
      get extensionId() {
        return extension.extensionId;
      },
      openPopup,
      server,
      routeAmazon,
    };
    const module = (await import(path.join(ROWS_DIR, file))) as { default: (ctx: BenchContext) => Promise<BenchRow[]> };
    try {
      results.push(...(await module.default(ctx)).map((row) => ({ ...row, group })));
    } catch (error) {
      results.push({ group, name: `${group} (failed)`, value: NaN, unit: '', budget: String(error).slice(0, 80), ok: false });
    }
  });
}

test.afterAll(() => {
  const header = ['group', 'measurement', 'value', 'budget', 'ok'];
  const lines = results.map((r) => [r.group, r.name, `${formatValue(r.value)} ${r.unit}`.trim(), r.budget ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const table = [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
  process.stdout.write(`\n\nLWA Vault bench (${new Date().toISOString()})\n${table}\n`);
  fs.writeFileSync(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify({ at: new Date().toISOString(), rows: results }, null, 2)}\n`);
});

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(value % 1 === 0 ? 0 : 2);
}
