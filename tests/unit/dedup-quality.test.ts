import { describe, expect, it } from 'vitest';
import { dedupFigures, readBaseline } from '../eval/baseline.ts';
import { articleFrom, evaluateDedup, loadMultiSourceSet } from '../eval/dedup.ts';
import { expectAtLeastFloors } from '../eval/gates.ts';

describe('dedup quality on the labelled multi-outlet set (tests/fixtures/dedup)', () => {
  it('scores at least its floors, pairwise and B-cubed precision and recall apart, not F1 alone', async () => {
    const result = await evaluateDedup();
    expect(result.articles).toBeGreaterThanOrEqual(200);
    expectAtLeastFloors(dedupFigures(result), readBaseline().dedup, 'dedup');
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
