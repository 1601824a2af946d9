import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pngSize, readZip } from './zip';

// The packages uploaded to the Chrome Web Store and to addons.mozilla.org (with Mozilla's sources zip), built
// the way a release is (`npm run zip`, `npm run zip:firefox`) and opened like a store opens them.

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const zipPath = (suffix: string) => path.join(ROOT, '.output', `${pkg.name}-${pkg.version}-${suffix}.zip`);
const wxt = (...args: string[]) => execFileSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), args, { cwd: ROOT, stdio: 'pipe' });
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

interface Manifest {
  manifest_version: number;
  name: string;
  version: string;
  description: string;
  icons: Record<string, string>;
  action?: { default_title?: string; default_popup?: string };
  background: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  web_accessible_resources?: Array<{ resources: string[] }>;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
    gecko_android?: { strict_min_version?: string };
  };
}

let chrome: Map<string, Buffer>;
let firefox: Map<string, Buffer>;
let sources: Map<string, Buffer>;
// Files git ignores that the sources zip must leave out; one is made here so the check always has one to find.
const PROBE = path.join(ROOT, 'test-results', 'store-probe.txt');

beforeAll(async () => {
  fs.mkdirSync(path.dirname(PROBE), { recursive: true });
  fs.writeFileSync(PROBE, 'git ignores test-results/\n');
  for (const suffix of ['chrome', 'firefox', 'sources']) fs.rmSync(zipPath(suffix), { force: true });
  wxt('zip');
  wxt('zip', '-b', 'firefox', '--mv3');
  [chrome, firefox, sources] = await Promise.all([readZip(zipPath('chrome')), readZip(zipPath('firefox')), readZip(zipPath('sources'))]);
});

const manifestOf = (files: Map<string, Buffer>) => JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;

describe.each([
  ['Chrome Web Store', () => chrome],
  ['addons.mozilla.org', () => firefox],
])('%s package', (_store, files) => {
  it('has a manifest with the fields a listing needs', () => {
    const manifest = manifestOf(files());
    expect(manifest).toMatchObject({ manifest_version: 3, name: 'LWA Vault', version: pkg.version });
    expect(manifest.description.length).toBeGreaterThan(0);
    // Chrome Web Store: at most 132 characters.
    expect(manifest.description.length).toBeLessThanOrEqual(132);
    expect(manifest.action?.default_popup).toBe('popup.html');
  });

  it('holds every file the manifest names, and icons of the sizes it claims', () => {
    const manifest = manifestOf(files());
    expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, file] of Object.entries(manifest.icons)) {
      expect(pngSize(files().get(file)!), file).toEqual({ width: Number(size), height: Number(size) });
    }
    const named = [
      manifest.action!.default_popup!,
      ...(manifest.background.service_worker ? [manifest.background.service_worker] : (manifest.background.scripts ?? [])),
      ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
      ...(manifest.web_accessible_resources ?? []).flatMap((w) => w.resources),
    ];
    for (const file of named) expect(files().has(file.replace(/^\//, '')), file).toBe(true);
  });

  it('ships no source maps, no tests and no string evaluation', () => {
    const names = [...files().keys()];
    expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
    expect(names.filter((n) => /(^|\/)(tests?|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$/.test(n))).toEqual([]);
    const scripts = names.filter((n) => n.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const name of scripts) {
      const code = files().get(name)!.toString('utf8');
      expect(code, name).not.toMatch(/sourceMappingURL/);
      // The Function constructor however reached (`Function(…)`, `let F=Function`), or eval; `Function.call` is fine.
      expect(code, name).not.toMatch(/(?<![.\w$])Function\b(?!\.)|\beval\(/);
    }
  });
});

describe('Firefox manifest', () => {
  it('names the add-on and the first Firefox versions that know data_collection_permissions', () => {
    const { browser_specific_settings: settings, background } = manifestOf(firefox);
    expect(settings).toEqual({
      gecko: { id: 'lwa-vault@lwa-vault.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(background.scripts).toEqual(['background.js']);
  });
});

describe("Mozilla's sources zip", () => {
  it('holds what rebuilds the extension', () => {
    for (const file of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'entrypoints/background/index.ts', 'scripts/build/bundle-hardening.ts']) {
      expect(sources.has(file), file).toBe(true);
    }
  });

  it('leaves out tests, the bench and everything git ignores', () => {
    const names = [...sources.keys()];
    expect(names.filter((n) => /^(tests|bench|test-results|node_modules|\.output|\.wxt)\//.test(n))).toEqual([]);
    const ignored = new Set(git('ls-files', '--others', '--ignored', '--exclude-standard', '--directory').split('\n').filter(Boolean));
    expect([...ignored].some((p) => p.startsWith('test-results/'))).toBe(true);
    const inIgnored = names.filter((n) => [...ignored].some((p) => (p.endsWith('/') ? n.startsWith(p) : n === p)));
    expect(inIgnored).toEqual([]);
  });
});
