import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * The shared folder (corpus, seed, contract) lives beside the repository, never inside it: the
 * project must run without it, so tests that read it skip when it is absent. CI always has it, so
 * there REQUIRE_SHARED=1 turns that skip into a failure: a moved or renamed folder cannot make a
 * gate vanish from a green run. DATELINE_SHARED points elsewhere (and lets the switch be tried).
 */
export function sharedPath(...parts: string[]): string {
  const root = process.env.DATELINE_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url));
  return resolve(root, ...parts);
}

export type SharedGate = 'run' | 'skip' | 'fail';

/** What a test needing `path` does: run when it exists, else skip, or fail when it is required. */
export function sharedGate(path: string, env: NodeJS.ProcessEnv = process.env): SharedGate {
  if (existsSync(path)) return 'run';
  return env.REQUIRE_SHARED === '1' ? 'fail' : 'skip';
}

/** A describe block that needs `path` from the shared folder (see sharedGate). */
export function describeWithShared(path: string, name: string, body: () => void): void {
  const gate = sharedGate(path);
  if (gate === 'run') describe(name, body);
  else if (gate === 'skip') describe.skip(name, body);
  else
    describe(name, () => {
      it(`needs ${path}`, () => {
        throw new Error(`REQUIRE_SHARED=1, but ${path} is missing: this block would have been skipped`);
      });
    });
}
