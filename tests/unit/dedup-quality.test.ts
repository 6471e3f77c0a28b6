import { describe, expect, it } from 'vitest';
import baseline from '../eval/baseline.json' with { type: 'json' };
import { evaluateDedup } from '../eval/dedup.ts';

describe('dedup quality on the labelled multi-outlet set (tests/fixtures/dedup)', () => {
  it('scores at least the committed baseline, pairwise and B-cubed', async () => {
    const result = await evaluateDedup();
    expect(result.articles).toBeGreaterThanOrEqual(200);
    expect(result.pairwise.f1).toBeGreaterThanOrEqual(baseline.dedup.pairwiseF1);
    expect(result.bcubed.f1).toBeGreaterThanOrEqual(baseline.dedup.bcubedF1);
  });
});
