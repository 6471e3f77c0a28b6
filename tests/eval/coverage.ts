import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../support/shared.ts';
import { runPipelineOn } from './coverage-run.ts';
import { type CoverageScore, scoreCoverage } from './coverage-score.ts';
import { loadCoverageSet } from './coverage-set.ts';

/** Where the hand-labelled real coverage lives: beside the repository, never in it. */
export const COVERAGE_ROOT = sharedPath('corpus', 'coverage');

/** Each folder under `root` that holds a set in the coverage format. */
export function coverageSets(root = COVERAGE_ROOT): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => join(root, name))
    .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, 'gold-events.json')))
    .sort();
}

export interface CoverageEval {
  score: CoverageScore;
  summary: string;
  seconds: number;
}

/** The coverage eval as a function: load the folder, run the real pipeline on it, score the timeline. */
export async function evaluateCoverage(dir: string): Promise<CoverageEval> {
  const started = performance.now();
  const set = loadCoverageSet(dir);
  const { entries, summary } = await runPipelineOn(set);
  return { score: scoreCoverage(set, entries), summary, seconds: (performance.now() - started) / 1000 };
}
