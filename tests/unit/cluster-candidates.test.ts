import { describe, expect, it } from 'vitest';
import { candidatePairs } from '../../lib/dedup/cluster-links.ts';
import { postingOf } from '../../lib/dedup/index.ts';
import { told } from '../support/accounts.ts';

const posting = (outlet: string, date: string, summary: string) => {
  const { account, sameDay } = told(outlet, date, summary);
  return postingOf(account, sameDay);
};

const STRIKE = 'Dockers at the Varna container terminal walked out over unpaid night shifts';

describe('candidatePairs: which pairs the clusterer judges', () => {
  it('pairs accounts that share a term and whose dates can be one event, never an account with itself', () => {
    const postings = [
      posting('north', '2025-02-11', STRIKE),
      posting('south', '2025-02-11', `${STRIKE}, the union said`),
      posting('east', '2025-02-20', STRIKE),
      posting('west', '2025-02-11', 'Orchestra premieres a symphony by a young composer'),
    ];
    expect(candidatePairs(postings, 30)).toEqual([[0, 1]]);
  });

  it('keeps each account’s nearest by rarer shared terms, ties to the earlier account', () => {
    const postings = [
      posting('a', '2025-02-11', STRIKE),
      posting('b', '2025-02-11', STRIKE),
      posting('c', '2025-02-11', STRIKE),
      posting('d', '2025-02-11', 'Dockers in Varna stopped the cranes'),
    ];
    // One neighbour each: the three copies share every term and pick the earliest other copy; the
    // fourth shares only the commoner words and picks the earliest holder of its rarest shared term.
    expect(candidatePairs(postings, 1)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
  });
});
