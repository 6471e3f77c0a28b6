import { describe, expect, it } from 'vitest';
import baseline from '../eval/baseline.json' with { type: 'json' };
import { articleFrom, evaluateDedup, loadMultiSourceSet } from '../eval/dedup.ts';

describe('dedup quality on the labelled multi-outlet set (tests/fixtures/dedup)', () => {
  it('scores at least the committed baseline, pairwise and B-cubed', async () => {
    const result = await evaluateDedup();
    expect(result.articles).toBeGreaterThanOrEqual(200);
    expect(result.pairwise.f1).toBeGreaterThanOrEqual(baseline.dedup.pairwiseF1);
    expect(result.bcubed.f1).toBeGreaterThanOrEqual(baseline.dedup.bcubedF1);
  });

  it("gives each article its site from the file's url comment, one host per outlet", () => {
    const set = loadMultiSourceSet();
    const hosts = set.map((labelled, i) => new URL(articleFrom(labelled, i).url).hostname);
    expect(set.length).toBeGreaterThanOrEqual(200);
    expect(set.every((labelled) => labelled.url?.startsWith('https://'))).toBe(true);
    expect(hosts.filter((host) => host === 'corvuspress.example.org').length).toBeGreaterThan(1);
    expect(new Set(hosts).size).toBeGreaterThanOrEqual(15);
  });
});
