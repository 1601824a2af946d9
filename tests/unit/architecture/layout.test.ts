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
