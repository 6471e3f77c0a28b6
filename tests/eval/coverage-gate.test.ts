import { join } from 'node:path';
import { it } from 'vitest';
import { describeWithShared } from '../support/shared.ts';
import { coverageFigures, readBaseline } from './baseline.ts';
import { COVERAGE_ROOT, evaluateCoverage } from './coverage.ts';
import { expectAtLeastFloors } from './gates.ts';

/**
 * Each labelled coverage set end to end (`npm start -- --once`, then GET /timeline), held to its
 * floors: 36–62 s per set on a busy two-core machine, part of `npm test`, and alone in
 * `npm run test:coverage`. gates.test.ts checks that every set there has floors.
 */
for (const [set, floors] of Object.entries(readBaseline().coverage)) {
  const dir = join(COVERAGE_ROOT, set);
  describeWithShared(dir, `real coverage, ${set} (../shared/corpus/coverage)`, () => {
    it(`${set}: every floor, events and mentions, dedup precision and recall, dates`, async () => {
      const { score } = await evaluateCoverage(dir);
      expectAtLeastFloors(coverageFigures(score), floors, `coverage.${set}`);
    }, 600_000);
  });
}
