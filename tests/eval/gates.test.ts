import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusRoot } from '../bench/corpus.ts';
import { describeWithShared } from '../support/shared.ts';
import { readBaseline } from './baseline.ts';
import { ratchetViolations } from './baseline-history.ts';
import { corpusMerges } from './corpus-merges.ts';
import { COVERAGE_ROOT, coverageSets } from './coverage.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const baseline = readBaseline();

describe.skipIf(!existsSync(`${REPO}.git`))('the floors’ history (docs/decisions/README.md)', () => {
  it('lowers no floor, in any commit or in the working tree, without a decision record naming it', () => {
    expect(ratchetViolations(REPO)).toEqual([]);
  });
});

describeWithShared(
  COVERAGE_ROOT,
  'floors for every labelled coverage set (../shared/corpus/coverage)',
  () => {
    it('has floors for each set there, and each set with floors is there', () => {
      const found = coverageSets().map((dir) => basename(dir));
      expect(found.length).toBeGreaterThan(0);
      expect(Object.keys(baseline.coverage).sort()).toEqual(found);
    });
  },
);

describeWithShared(corpusRoot(), 'what dedup merges in the real feed corpus (npm run eval)', () => {
  it('is the count pinned in baseline.json: a change there is a change someone reads', async () => {
    const { merged, oneSite } = await corpusMerges(corpusRoot());
    expect({ merged: merged.length, oneSite }).toEqual(baseline.realFeedMerges);
    // 739 articles extracted and clustered: 15 s alone, four times that beside the whole suite.
  }, 240_000);
});
