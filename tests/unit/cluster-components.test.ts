import { describe, expect, it } from 'vitest';
import { componentOf } from '../../lib/dedup/component.ts';
import { accountKey, clusterAccounts, postingOf } from '../../lib/dedup/index.ts';
import { labelledAccounts, loadMultiSourceSet } from '../eval/dedup.ts';
import { anAccount } from '../support/accounts.ts';

type Labelled = ReturnType<typeof labelledAccounts>[number];

/** The month's accounts as the components settle clusters apart (componentOf from each unreached one). */
function components(entries: Labelled[]): Labelled[][] {
  const postings = entries.map(({ account, sameDay }) => postingOf(account, sameDay));
  const byKey = new Map(entries.map((entry) => [accountKey(entry.account), entry]));
  const parts: Labelled[][] = [];
  const reached = new Set<string>();
  for (const key of byKey.keys()) {
    if (reached.has(key)) continue;
    const part = componentOf(postings, [key]);
    for (const member of part) reached.add(member);
    parts.push([...part].map((member) => byKey.get(member) as Labelled));
  }
  return parts;
}

const keysOf = (clusters: Labelled[][]) =>
  clusters.map((cluster) => cluster.map(({ account }) => accountKey(account)).join(' ')).sort();

/**
 * The property settle's blocking rests on (docs/decisions/bounded-blocking.md): clustering a
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

describe('componentOf', () => {
  const posting = (n: number, summary: string, heldBy?: string[]) => ({
    ...postingOf(anAccount(n, { date: '2024-10-08', summary, feedId: `outlet${n}` })),
    ...(heldBy ? { heldBy } : {}),
  });
  const harbour = posting(1, 'Harbour pilots walked out over rosters at Kessel');
  const rosters = posting(2, 'Rosters dispute: the pilots union confirmed the stoppage');
  const orchard = posting(3, 'An orchard fire burned through the Varga valley farms');
  const glacier = posting(4, 'Glacier survey teams measured record melt', ['evt_a']);
  const comet = posting(5, 'Amateur astronomers photographed a bright comet', ['evt_a']);
  const all = [harbour, rosters, orchard, glacier, comet];

  it('reaches accounts through a shared term, and no further', () => {
    expect(componentOf(all, [accountKey(harbour)])).toEqual(
      new Set([accountKey(harbour), accountKey(rosters)]),
    );
  });

  it('reaches accounts that one stored event holds, though their words share nothing', () => {
    expect(componentOf(all, [accountKey(glacier)])).toEqual(
      new Set([accountKey(glacier), accountKey(comet)]),
    );
  });

  it('reaches accounts tied together (an editor’s merge), and what they reach', () => {
    const tied = componentOf(all, [accountKey(orchard)], [[accountKey(orchard), accountKey(rosters)]]);
    expect(tied).toEqual(new Set([accountKey(orchard), accountKey(rosters), accountKey(harbour)]));
  });

  it('reaches nothing from an account it is not given', () => {
    expect(componentOf(all, ['art_missing#0'])).toEqual(new Set());
  });
});
