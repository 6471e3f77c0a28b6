import { describe, expect, it } from 'vitest';
import type { Link } from '../../lib/dedup/cluster-links.ts';
import { refineGroups } from '../../lib/dedup/cluster-refine.ts';
import { postingOf } from '../../lib/dedup/index.ts';
import { anAccount } from '../support/accounts.ts';

// Six accounts of six articles; 0 is the one whose place is in question.
const postings = (dates: string[]) =>
  dates.map((date, n) => postingOf(anAccount(n + 1, { date, summary: `Account ${n}` })));
const link = (i: number, j: number, weight: number, bridgesDays = false): Link => ({
  i,
  j,
  weight,
  bridgesDays,
  keptApart: false,
});
const free = { splitApart: undefined, pinned: new Set<number>() };
const holding = (groups: number[][], i: number) => groups.find((g) => g.includes(i))?.sort();

describe('refineGroups: an account ends where its links weigh most', () => {
  const sameDay = postings(Array(6).fill('2024-05-02'));
  // Merge order left 0 with 1, the one account it matches there; three accounts of the other group match it too.
  const groups = [[0, 1], [2, 3, 4], [5]];
  const links = [link(0, 1, 1), link(0, 2, 1), link(0, 3, 1), link(0, 4, 1), link(2, 3, 1), link(3, 4, 1)];

  it('moves an account to the group whose links to it outweigh its own group’s', () => {
    // 1, left alone, follows the one account it matches.
    expect(holding(refineGroups(groups, sameDay, links, 0.1, free), 0)).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves it where it is when the other group pulls no harder', () => {
    const weak = [link(0, 1, 1), link(0, 2, 0.3), link(0, 3, 0.3), link(2, 3, 1)];
    expect(holding(refineGroups(groups, sameDay, weak, 0.1, free), 0)).toEqual([0, 1]);
  });

  it('never moves an account an editor split from a member of the other group, nor one they pinned', () => {
    const split = {
      splitApart: (i: number, j: number) => i + j === 3 && i * j === 0,
      pinned: new Set<number>(),
    };
    expect(holding(refineGroups(groups, sameDay, links, 0.1, split), 0)).toEqual([0, 1]);
    const pinned = { splitApart: undefined, pinned: new Set([0]) };
    expect(holding(refineGroups(groups, sameDay, links, 0.1, pinned), 0)).toEqual([0, 1]);
  });

  it('does not carry a day into a group of another day without a pair strong enough to bridge them', () => {
    const twoDays = postings([
      '2024-05-02',
      '2024-05-02',
      '2024-05-03',
      '2024-05-03',
      '2024-05-03',
      '2024-05-02',
    ]);
    expect(holding(refineGroups(groups, twoDays, links, 0.1, free), 0)).toEqual([0, 1]);
    const bridged = [...links.filter((l) => l.j !== 2), link(0, 2, 1, true)];
    // Bridged by its strong pair with 2, 0 moves; 1, of 0's day, follows into a group of both days.
    expect(holding(refineGroups(groups, twoDays, bridged, 0.1, free), 0)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the account that bridges its own group’s two days there', () => {
    const twoDays = postings([
      '2024-05-02',
      '2024-05-03',
      '2024-05-02',
      '2024-05-02',
      '2024-05-02',
      '2024-05-02',
    ]);
    const holdsDays = [link(0, 1, 1, true), link(0, 2, 1), link(0, 3, 1), link(0, 4, 1), link(2, 3, 1)];
    // 4, whose one link is to 0, joins it there; 0 itself stays with the day it bridges to.
    expect(holding(refineGroups(groups, twoDays, holdsDays, 0.1, free), 0)).toEqual([0, 1, 4]);
  });
});
