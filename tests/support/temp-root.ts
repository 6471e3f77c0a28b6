import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest global setup (and the bench's): every scratch folder a test makes (data folders, feeds files, cdk.out,
 * journals) lands under one folder per run, removed when the run ends. Test files make their
 * folders with `mkdtempSync(tmpdir())` and cannot all clean up after a failure or a kill; without
 * this, each run left about 1,500 folders in /tmp.
 */
export function setup() {
  const root = mkdtempSync(join(tmpdir(), 'dateline-run-'));
  const previous = process.env.TMPDIR;
  // Forked workers and the processes tests spawn inherit TMPDIR, so os.tmpdir() answers the root.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
