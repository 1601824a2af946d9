import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SNAPSHOT_PREFIX } from './temp-dirs';

/**
 * Copies the built extension to a private temp folder, so a `npm run build` started meanwhile (another
 * developer, `wxt` in watch mode) cannot swap files under a running test. wxt empties the output folder and
 * writes manifest.json after the bundles, so a missing manifest right now usually means "build in progress":
 * wait a little before saying there is no build.
 */
export async function snapshotBuiltExtension(source: string, waitMs = 10_000): Promise<string> {
  const manifestFile = path.join(source, 'manifest.json');
  const deadline = Date.now() + waitMs;
  let problem = 'manifest.json missing';
  for (;;) {
    const stat = statOrUndefined(manifestFile);
    if (stat && Date.now() - stat.mtimeMs > 500) {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), SNAPSHOT_PREFIX));
      try {
        fs.cpSync(source, copy, { recursive: true });
        const missing = missingReferencedFiles(copy);
        if (missing.length === 0 && statOrUndefined(manifestFile)?.mtimeMs === stat.mtimeMs) return copy;
        problem = missing.length > 0 ? `files named in manifest.json missing: ${missing.join(', ')}` : 'rebuilt while copying';
      } catch (error) {
        problem = `copy failed (${error instanceof Error ? error.message : String(error)})`;
      }
      fs.rmSync(copy, { recursive: true, force: true });
    }
    if (Date.now() > deadline) {
      throw new Error(`No usable built extension at ${source} (${problem}): run \`npm run build\` first.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** The files the manifest points at that are not in `dir` (a half-written build). */
function missingReferencedFiles(dir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    action?: { default_popup?: string };
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const files = [
    manifest.background?.service_worker,
    manifest.action?.default_popup,
    ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ].filter((f): f is string => typeof f === 'string');
  return files.filter((f) => !fs.existsSync(path.join(dir, f)));
}
