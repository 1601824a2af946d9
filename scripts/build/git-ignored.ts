import fs from 'node:fs';

/**
 * The patterns of a .gitignore as globs for WXT's `zip.excludeSources`, so the sources zip holds nothing git
 * ignores. Supports what a .gitignore for this repository needs: names anywhere (`node_modules`, `*.log`),
 * paths from the root (`bench/results.json`, `/x`) and directories (`dir/`); a negation (`!x`) is refused.
 */
export function gitIgnoredGlobs(gitignorePath: string): string[] {
  return fs
    .readFileSync(gitignorePath, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => {
      if (line.startsWith('!')) throw new Error(`gitIgnoredGlobs: negated pattern not supported: ${line}`);
      const pattern = line.replace(/\/$/, '');
      const anchored = pattern.includes('/') ? pattern.replace(/^\//, '') : `**/${pattern}`;
      return [anchored, `${anchored}/**`];
    });
}
