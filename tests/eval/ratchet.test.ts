import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Baseline, loweredFloors, raised } from './baseline.ts';
import { ratchetViolations } from './baseline-history.ts';

const floors = (recall: number, extra: Partial<Baseline> = {}): Baseline => ({
  ratchet: 'floors only rise',
  extraction: { precision: 0.9, recall },
  dedup: { pairwisePrecision: 0.8 },
  coverage: { harbour: { eventPrecision: 0.5 } },
  realFeedMerges: { merged: 2, oneSite: 0 },
  ...extra,
});

describe('loweredFloors (what a change to baseline.json gives up)', () => {
  it('names each floor that went down or disappeared, and nothing that rose or is new', () => {
    const after = floors(0.7, { coverage: { harbour: {}, tides: { eventRecall: 0.1 } } });
    expect(loweredFloors(floors(0.8), after)).toEqual([
      { figure: 'extraction.recall', before: 0.8, after: 0.7 },
      { figure: 'coverage.harbour.eventPrecision', before: 0.5, after: undefined },
    ]);
    expect(loweredFloors(floors(0.8), floors(0.85))).toEqual([]);
  });

  it('leaves the pinned merge count out: it moves both ways by design', () => {
    const fewer = floors(0.8, { realFeedMerges: { merged: 1, oneSite: 0 } });
    expect(loweredFloors(floors(0.8), fewer)).toEqual([]);
  });

  it('raises to what was measured, rounded down to three decimals, and never lowers', () => {
    const next = raised(floors(0.8), {
      extraction: { precision: 0.95678, recall: 0.5 },
      coverage: { tides: { eventRecall: 0.4219 } },
    });
    expect(next.extraction).toEqual({ precision: 0.956, recall: 0.8 });
    expect(next.coverage).toEqual({ harbour: { eventPrecision: 0.5 }, tides: { eventRecall: 0.421 } });
    expect(next.realFeedMerges.merged).toBe(2);
  });
});

/** A scratch repository with real git, committing files as a colleague would. */
function scratchRepo() {
  const repo = mkdtempSync(join(tmpdir(), 'dateline-ratchet-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
      cwd: repo,
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'main');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const commit = (files: Record<string, string>, message: string) => {
    for (const [path, text] of Object.entries(files)) write(path, text);
    git('add', '.');
    git('commit', '-q', '-m', message);
  };
  const baseline = (b: unknown) => ({ 'tests/eval/baseline.json': JSON.stringify(b) });
  return { repo, write, commit, baseline, git };
}

describe('ratchetViolations (a floor only rises unless a decision record says why)', () => {
  it('ignores the file’s history from before the ratchet, and passes raises', () => {
    const { repo, commit, baseline } = scratchRepo();
    commit(baseline({ extraction: { recall: 0.9 } }), 'old format, before the ratchet');
    commit(baseline(floors(0.8)), 'ratchet starts lower than the old format had');
    commit(baseline(floors(0.85)), 'raise');
    expect(ratchetViolations(repo)).toEqual([]);
  });

  it('fails a commit that lowers a floor, even when a later commit raises another one', () => {
    const { repo, commit, baseline } = scratchRepo();
    commit(baseline(floors(0.8)), 'start');
    commit(baseline(floors(0.75)), 'lower silently');
    commit(baseline({ ...floors(0.75), dedup: { pairwisePrecision: 0.9 } }), 'raise dedup');
    const violations = ratchetViolations(repo);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^commit [0-9a-f]{10}: extraction\.recall 0\.8 → 0\.75$/);
  });

  it('passes a lowering whose commit adds a decision record naming the figure, and only that figure', () => {
    const { repo, commit, baseline } = scratchRepo();
    commit(baseline(floors(0.8)), 'start');
    commit(
      {
        ...baseline(floors(0.7)),
        'docs/decisions/0002-recall.md': 'We trade recall for fewer false merges.',
      },
      'lower with a reason',
    );
    expect(ratchetViolations(repo)).toEqual([]);
    commit(
      {
        ...baseline({ ...floors(0.7), dedup: { pairwisePrecision: 0.5 } }),
        'docs/decisions/0003-other.md': 'About recall again.',
      },
      'a record that names another figure',
    );
    expect(ratchetViolations(repo)).toEqual([expect.stringContaining('dedup.pairwisePrecision 0.8 → 0.5')]);
  });

  it('judges a merge as one change against its first parent', () => {
    const { repo, commit, baseline, git } = scratchRepo();
    commit(baseline(floors(0.8)), 'start');
    git('checkout', '-q', '-b', 'topic');
    commit(baseline(floors(0.6)), 'lower on a branch');
    commit(baseline(floors(0.9)), 'raise again on the branch');
    git('checkout', '-q', 'main');
    git('merge', '-q', '--no-ff', '-m', 'merge topic', 'topic');
    expect(ratchetViolations(repo)).toEqual([]);
    git('checkout', '-q', '-b', 'lowering');
    commit(baseline(floors(0.88)), 'lower on another branch');
    git('checkout', '-q', 'main');
    git('merge', '-q', '--no-ff', '-m', 'merge lowering', 'lowering');
    expect(ratchetViolations(repo)).toEqual([
      expect.stringMatching(/^commit .*: extraction\.recall 0\.9 → 0\.88$/),
    ]);
  });

  it('judges an uncommitted edit against HEAD, and a new record in the working tree explains it', () => {
    const { repo, commit, baseline, write } = scratchRepo();
    commit(baseline(floors(0.9)), 'start');
    write('tests/eval/baseline.json', JSON.stringify(floors(0.5)));
    expect(ratchetViolations(repo)).toEqual(['working tree: extraction.recall 0.9 → 0.5']);
    write('docs/decisions/why.md', 'recall drops because …');
    expect(ratchetViolations(repo)).toEqual([]);
  });
});
