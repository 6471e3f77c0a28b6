import { describe, expect, it } from 'vitest';
import { deriveEvent, eventIdOf, postingOf, recordAccount } from '../../lib/dedup/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';
import { distinctWords } from '../bench/invented-words.ts';
import { anAccount } from '../support/accounts.ts';
import { MemoryEvents } from '../support/memory-events.ts';

let n = 0;
/** An outlet's account on 8 October; each call a new article from its own outlet. */
const told = (summary: string) => anAccount(++n, { date: '2024-10-08', summary, feedId: `outlet${n}` });

const holding = (repo: MemoryEvents, account: Source) =>
  repo.events().find((e) => e.accounts.some((a) => a.articleId === account.articleId)) as TimelineEvent;

/** The event ids a settle asks the store for, from here on. */
function askedOf(repo: MemoryEvents): string[] {
  const asked: string[] = [];
  const getMany = repo.getMany.bind(repo);
  repo.getMany = (ids: string[]) => {
    asked.push(...ids);
    return getMany(ids);
  };
  return asked;
}

describe('a settle on a busy day', () => {
  it('reads the one event its account can join, not every event of the month', async () => {
    const repo = new MemoryEvents();
    const word = distinctWords();
    for (let i = 0; i < 30; i++)
      await recordAccount(repo, told(`The ${word()} of ${word()} ${word()} ${word()}`));
    const strike = told('Harbour pilots walked out over rosters at Kessel');
    await recordAccount(repo, strike);
    const asked = askedOf(repo);
    const later = told('Kessel harbour pilots stayed out over the rosters, their union said');
    await recordAccount(repo, later);
    expect(holding(repo, later).id).toBe(holding(repo, strike).id);
    expect(repo.events()).toHaveLength(31);
    expect(new Set(asked)).toEqual(new Set([holding(repo, strike).id]));
  });
});

describe('a settle whose own account the index has not caught up with', () => {
  it('clusters the account it filed all the same', async () => {
    const repo = new MemoryEvents();
    const strike = told('Harbour pilots walked out over rosters at Kessel');
    await recordAccount(repo, strike);
    const later = told('Kessel harbour pilots stayed out over the rosters, their union said');
    // As an eventually consistent index answers a moment after the put: without the new posting, once.
    const postingsIn = repo.postingsIn.bind(repo);
    let lagging = true;
    repo.postingsIn = async (ranges) => {
      const read = await postingsIn(ranges);
      if (!lagging) return read;
      lagging = false;
      return read.filter((p) => p.articleId !== later.articleId);
    };
    await recordAccount(repo, later);
    expect(lagging).toBe(false);
    expect(holding(repo, later)?.id).toBe(holding(repo, strike).id);
  });
});

describe('an event stored before settles kept to a month, holding accounts of two', () => {
  it('leaves the other month’s account with an event when a new account rebuilds this month’s', async () => {
    const repo = new MemoryEvents();
    const november = anAccount(++n, {
      date: '2024-11-02',
      summary: 'The Brill lighthouse keepers ended their strike',
      feedId: 'early',
      publishedAt: '2024-11-02T08:00:00.000Z',
    });
    const october = told('Harbour pilots walked out over rosters at Kessel');
    const straddling = deriveEvent(eventIdOf([november, october]), [november, october], 0);
    await repo.create(straddling);
    for (const account of [november, october]) {
      await repo.post(postingOf(account));
      await repo.hold([account], straddling.id);
    }
    const later = told('Kessel harbour pilots stayed out over the rosters, their union said');
    await recordAccount(repo, later);
    expect(holding(repo, later).id).toBe(holding(repo, october).id);
    expect(holding(repo, november)).toBeDefined();
    expect(holding(repo, november).id).not.toBe(holding(repo, october).id);
  });
});
