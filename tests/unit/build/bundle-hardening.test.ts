import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatches } from '../../../scripts/build/bundle-hardening';
import { gitIgnoredGlobs } from '../../../scripts/build/git-ignored';

const modules = path.resolve(import.meta.dirname, '..', '..', '..', 'node_modules');
const read = (file: string) => [path.join(modules, file), fs.readFileSync(path.join(modules, file), 'utf8')] as const;

describe('bundle hardening (build-time patches of dependencies)', () => {
  it.each(['zod/v4/core/util.js', 'zod/v4/core/doc.js'])('leaves no Function constructor in %s', (file) => {
    const [id, code] = read(file);
    // Code only: zod's comments mention `new Function` too.
    expect(code).toMatch(/= Function;/);
    expect(applyPatches(id, code)).not.toMatch(/= Function;/);
  });

  it("makes Preact's dangerouslySetInnerHTML throw instead of setting innerHTML", () => {
    const [id, code] = read('preact/dist/preact.mjs');
    const patched = applyPatches(id, code)!;
    expect(patched).not.toMatch(/\.innerHTML=/);
    expect(patched).toContain('dangerouslySetInnerHTML is not supported');
  });

  it('fails the build when a dependency update moved the patched code', () => {
    expect(() => applyPatches(path.join(modules, 'zod/v4/core/util.js'), 'export const x = 1;')).toThrow(/expected 1 ×/);
  });

  it('leaves every other module alone', () => {
    expect(applyPatches(path.join(modules, 'idb/build/index.js'), 'Function("")')).toBeUndefined();
  });
});

describe('gitIgnoredGlobs', () => {
  it('turns .gitignore patterns into globs for names anywhere and paths from the root', () => {
    const file = path.join(fs.mkdtempSync(path.join(modules, '.cache-gitignore-')), '.gitignore');
    fs.writeFileSync(file, '# comment\nnode_modules\n\n*.log\nbench/results.json\n/out/\n');
    expect(gitIgnoredGlobs(file)).toEqual([
      '**/node_modules', '**/node_modules/**', '**/*.log', '**/*.log/**', 'bench/results.json', 'bench/results.json/**', 'out', 'out/**',
    ]);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
