import { describe, expect, it } from 'vitest';
import { accountKey, clusterAccounts } from '../../lib/dedup/index.ts';
import { termsOf, wordingOf } from '../../lib/dedup/wording.ts';
import { labelledAccounts, loadMultiSourceSet } from '../eval/dedup.ts';

type Labelled = ReturnType<typeof labelledAccounts>[number];

/** Components of "shares a content term" (weight >= 1, the terms the candidate search indexes). */
function components(entries: Labelled[]): Labelled[][] {
  const parent = entries.map((_, i) => i);
  const root = (i: number): number => {
    if (parent[i] === i) return i;
    const top = root(parent[i] as number);
    parent[i] = top;
    return top;
  };
  const firstHolder = new Map<string, number>();
  entries.forEach(({ account }, i) => {
    for (const [term, weight] of termsOf(wordingOf(account))) {
      if (weight < 1) continue;
      const held = firstHolder.get(term);
      if (held === undefined) firstHolder.set(term, i);
      else parent[root(i)] = root(held);
    }
  });
  const byRoot = new Map<number, Labelled[]>();
  entries.forEach((entry, i) => {
    byRoot.set(root(i), [...(byRoot.get(root(i)) ?? []), entry]);
  });
  return [...byRoot.values()];
}

const keysOf = (clusters: Labelled[][]) =>
  clusters.map((cluster) => cluster.map(({ account }) => accountKey(account)).join(' ')).sort();

/**
 * The property bounded blocking would rest on (docs/decisions/bounded-blocking.md): clustering a
 * neighbourhood gives the clusters of clustering each component of shared terms alone.
 */
describe('clustering is exact per component of shared terms', () => {
  it('holds on the labelled set, one month at a time', () => {
    const byMonth = new Map<string, Labelled[]>();
    for (const entry of labelledAccounts(loadMultiSourceSet()))
      byMonth.set(entry.account.date.slice(0, 7), [
        ...(byMonth.get(entry.account.date.slice(0, 7)) ?? []),
        entry,
      ]);
    let split = 0;
    for (const month of byMonth.values()) {
      const parts = components(month);
      if (parts.length > 1) split++;
      expect(keysOf(parts.flatMap((part) => clusterAccounts(part)))).toEqual(keysOf(clusterAccounts(month)));
    }
    // The property is only tested where a month falls apart into several components.
    expect(split).toBeGreaterThan(0);
  });
});
