import { execFileSync } from 'node:child_process';

/**
 * The commit a run measured, `+changes` when the working tree differs from it, so a figure rendered into
 * the docs (npm run docs:figures) names the code it came from; undefined outside a git checkout.
 */
export function measuredCommit(): string | undefined {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? '+changes' : ''}`;
  } catch {
    return undefined;
  }
}
