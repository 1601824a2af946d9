import type { Plugin } from 'vite';

/**
 * Removes from dependencies the two code paths Mozilla's linter rejects and the extension never takes:
 * - zod's `Function` (its JIT probe and compiler): unreachable once `platform/zod-jitless.ts` has set
 *   `z.config({ jitless: true })`; replaced by a function that throws, so a path taken by mistake fails loudly
 *   instead of tripping the extension CSP.
 * - Preact's `dangerouslySetInnerHTML` (`dom.innerHTML = props.dangerouslySetInnerHTML.__html`): the UI never
 *   renders HTML strings; the prop now throws instead of parsing markup.
 * Each rule must match exactly as often as expected, so a dependency update that moves the code fails the build.
 */
interface Patch {
  file: RegExp;
  find: RegExp;
  count: number;
  replace: string;
}

const PATCHES: Patch[] = [
  {
    file: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](util|doc)\.js$/,
    find: /const F = Function;/g,
    count: 1,
    replace: 'const F = function () { throw new EvalError("LWA Vault: zod runs jitless"); };',
  },
  {
    file: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    find: /\((\w+)\.innerHTML=(\w+)\.__html\)/g,
    count: 1,
    replace: '(()=>{throw Error("LWA Vault: dangerouslySetInnerHTML is not supported")})()',
  },
];

export function applyPatches(id: string, code: string): string | undefined {
  const patches = PATCHES.filter((patch) => patch.file.test(id));
  if (patches.length === 0) return undefined;
  return patches.reduce((source, patch) => {
    const found = source.match(patch.find)?.length ?? 0;
    if (found !== patch.count) throw new Error(`bundle-hardening: expected ${patch.count} × ${patch.find} in ${id}, found ${found}`);
    return source.replace(patch.find, patch.replace);
  }, code);
}

export function bundleHardening(): Plugin {
  return {
    name: 'lwa-vault:bundle-hardening',
    enforce: 'pre',
    transform(code, id) {
      const patched = applyPatches(id, code);
      return patched === undefined ? undefined : { code: patched, map: null };
    },
  };
}
