import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PROFILE_PREFIX = 'lwa-vault-e2e-';
export const SNAPSHOT_PREFIX = 'lwa-vault-e2e-extension-';

/** A fresh Chromium profile folder; the caller removes it. */
export function createProfileDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), PROFILE_PREFIX));
}

/**
 * Removes what killed runs left in the temp folder (a run stopped by Ctrl-C or `timeout` skips fixture
 * teardown): profiles no live Chromium holds that are 10 minutes old, and extension copies over 12 hours old.
 */
export function sweepLeftoverTempDirs(now = Date.now()): void {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith(PROFILE_PREFIX)) continue;
    const dir = path.join(tmp, name);
    try {
      const age = now - fs.statSync(dir).mtimeMs;
      const stale = name.startsWith(SNAPSHOT_PREFIX)
        ? age > 12 * 3_600_000
        : age > 10 * 60_000 && !heldByLiveChromium(dir);
      if (stale) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run removed it first, or it is not ours to remove.
    }
  }
}

/** Chromium keeps `SingletonLock` -> `<hostname>-<pid>` in a profile it has open. */
function heldByLiveChromium(dir: string): boolean {
  let target: string;
  try {
    target = fs.readlinkSync(path.join(dir, 'SingletonLock'));
  } catch {
    return false;
  }
  const pid = Number(target.slice(target.lastIndexOf('-') + 1));
  if (!Number.isInteger(pid) || pid <= 0) return true; // unreadable lock: leave it alone
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
