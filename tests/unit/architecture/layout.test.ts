import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, sourceFiles } from './import-graph';

describe('the source layout', () => {
  it('has no import cycle, type-only imports included', () => {
    expect(cycles(importGraph(sourceFiles()))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});

describe('entrypoints', () => {
  it('the background entrypoint only merges the feature bundles (under 40 lines)', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../../entrypoints/background/index.ts'), 'utf8');
    expect(text.trimEnd().split('\n').length).toBeLessThan(40);
    expect(text).toContain('satisfies Handlers');
  });
});

describe('the README architecture table', () => {
  it('has a row for every feature folder and for platform/', () => {
    const root = path.resolve(__dirname, '../../..');
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const rows = new Set([...readme.matchAll(/^\| `([^`]+)\/` \|/gm)].map((m) => m[1]));
    const features = fs.readdirSync(path.join(root, 'features')).map((name) => `features/${name}`);
    for (const folder of [...features, 'platform', 'components']) expect(rows, folder).toContain(folder);
    for (const row of rows) expect(fs.existsSync(path.join(root, row!)), row).toBe(true);
  });
});
