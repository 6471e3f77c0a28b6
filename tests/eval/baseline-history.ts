import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINE_FILE, type Baseline, BaselineSchema, type Lowered, loweredFloors } from './baseline.ts';

/** Where a lowered floor is explained (see docs/decisions/README.md for the rule). */
export const DECISIONS_DIR = 'docs/decisions/';

const git = (repo: string, args: string[]) =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The file at a revision, or undefined where it is absent or predates the ratchet (no `ratchet` key). */
function baselineAt(repo: string, revision: string): Baseline | undefined {
  let text: string;
  try {
    text = git(repo, ['show', `${revision}:${BASELINE_FILE}`]);
  } catch {
    return undefined;
  }
  const parsed = BaselineSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

/** Decision records a commit adds, with their text: the only thing that lets it lower a floor. */
function decisionsAdded(repo: string, commit: string): string[] {
  const added = git(repo, [
    'diff',
    '--name-only',
    '--diff-filter=A',
    `${commit}^1`,
    commit,
    '--',
    DECISIONS_DIR,
  ]);
  return added
    .split('\n')
    .filter((path) => path && !path.endsWith('/README.md'))
    .map((path) => git(repo, ['show', `${commit}:${path}`]));
}

/** Decision records not yet committed: new files under docs/decisions/ in the working tree. */
function decisionsPending(repo: string): string[] {
  const status = git(repo, ['status', '--porcelain', '--untracked-files=all', '--', DECISIONS_DIR]);
  return status
    .split('\n')
    .filter((line) => /^(\?\?|A)/.test(line))
    .map((line) => line.slice(3))
    .filter((path) => !path.endsWith('/README.md'))
    .map((path) => readFileSync(join(repo, path), 'utf8'));
}

/** A lowered floor is explained when an added decision record names the figure. */
const unexplained = (lowered: Lowered[], decisions: string[]) =>
  lowered.filter(({ figure }) => {
    const name = figure.split('.').at(-1) as string;
    return !decisions.some((text) => text.includes(name));
  });

const describe = (where: string, lowered: Lowered[]) =>
  lowered.map(({ figure, before, after }) => `${where}: ${figure} ${before} → ${after ?? 'removed'}`);

/**
 * Every floor lowered without a decision record naming it: in the working tree against HEAD, and in
 * each commit on the first-parent line (a merge counts as one change) back to the ratchet's start.
 * Needs the whole history, as a fresh `git clone` has; a shallow clone is refused, not passed.
 */
export function ratchetViolations(repo: string): string[] {
  if (git(repo, ['rev-parse', '--is-shallow-repository']).trim() === 'true')
    return ['shallow clone: the baseline history cannot be checked (git fetch --unshallow)'];
  const violations: string[] = [];
  const head = baselineAt(repo, 'HEAD');
  const path = join(repo, BASELINE_FILE);
  if (head && existsSync(path)) {
    const working = BaselineSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    violations.push(
      ...describe('working tree', unexplained(loweredFloors(head, working), decisionsPending(repo))),
    );
  }
  const commits = git(repo, ['log', '--first-parent', '--format=%H', '--', BASELINE_FILE]).split('\n');
  for (const commit of commits.filter(Boolean)) {
    const before = baselineAt(repo, `${commit}^1`);
    const after = baselineAt(repo, commit);
    if (!before || !after) break;
    const lowered = unexplained(loweredFloors(before, after), decisionsAdded(repo, commit));
    violations.push(...describe(`commit ${commit.slice(0, 10)}`, lowered));
  }
  return violations;
}
