import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountId, recordAccount, recordAccounts, withSameDay } from '../../lib/dedup/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';
import { labelledAccounts, loadMultiSourceSet, MULTI_SOURCE_SET } from '../eval/dedup.ts';
import { interposed, MemoryEvents } from '../support/memory-events.ts';

let articles = 0;
/** One outlet's account (each article its own site), on 8 October unless told otherwise. */
function account(summary: string, overrides: Partial<Source> = {}): Source {
  const articleId = `art_${String(++articles).padStart(32, '0')}`;
  return {
    articleId,
    url: `https://outlet-${articleId.slice(-6)}.example/${articleId}`,
    title: `Title ${articleId}`,
    feedId: 'wire',
    feedName: 'Wire',
    publishedAt: '2024-10-13T09:00:00.000Z',
    quote: summary,
    feeds: [{ id: 'wire', name: 'Wire' }],
    position: 0,
    kind: 'dated',
    date: '2024-10-08',
    datePrecision: 'day',
    endDate: null,
    scheduled: false,
    summary,
    topics: [],
    entities: { people: [], places: [], organizations: [] },
    ...overrides,
  };
}

const holding = (repo: MemoryEvents, held: Source) =>
  repo.events().find((e) => e.accounts.some((a) => a.articleId === held.articleId));

describe('events as a view over accounts', () => {
  it('splits an event when new accounts pull one of its accounts away', async () => {
    const repo = new MemoryEvents();
    // "In October" joins the one day-dated account it is told beside…
    const month = account('Parliament approved the national budget', {
      date: '2024-10',
      datePrecision: 'month',
      publishedAt: '2024-10-12T09:00:00.000Z',
    });
    const eighth = account('The national budget passed after a long night', {
      publishedAt: '2024-10-09T09:00:00.000Z',
    });
    await recordAccount(repo, month);
    await recordAccount(repo, eighth);
    expect(repo.events()).toHaveLength(1);
    expect(repo.events()[0]?.id).toBe(accountId(eighth));
    // …until two outlets tell it, in its words, on the 10th: a month never bridges two days, and it
    // goes where it agrees most. The 8th keeps its event and its id.
    for (const wording of [
      'Parliament approved the national budget in a final vote',
      'Parliament approved the national budget, the speaker said',
    ])
      await recordAccount(repo, account(wording, { date: '2024-10-10' }));
    expect(repo.events()).toHaveLength(2);
    expect(holding(repo, eighth)?.accounts).toHaveLength(1);
    expect(holding(repo, eighth)?.id).toBe(accountId(eighth));
    expect(holding(repo, month)).toMatchObject({ id: accountId(month), date: '2024-10-10' });
    expect(holding(repo, month)?.accounts).toHaveLength(3);
  });

  it('joins two events through a late account, and the id it retires leads to the joined event', async () => {
    const repo = new MemoryEvents();
    const substation = account('Drones struck the Zaporizhzhia substation', {
      publishedAt: '2024-10-08T09:00:00.000Z',
    });
    const metro = account('Kharkiv metro closed after the blast', {
      publishedAt: '2024-10-08T10:00:00.000Z',
    });
    await recordAccount(repo, metro);
    await recordAccount(repo, substation);
    expect(repo.events().map((e) => e.id)).toEqual(
      expect.arrayContaining([accountId(substation), accountId(metro)]),
    );
    await recordAccount(
      repo,
      account('Drones struck the Zaporizhzhia substation and the Kharkiv metro closed after the blast'),
    );
    expect(repo.events()).toHaveLength(1);
    // The earliest account names the event; the other id is a pointer to it (a 301 on /events/:id).
    expect(repo.events()[0]?.id).toBe(accountId(substation));
    expect(await repo.get(accountId(metro))).toBeUndefined();
    expect(await repo.resolve(accountId(metro))).toBe(accountId(substation));
  });

  it('keeps an event id while new accounts join it', async () => {
    const repo = new MemoryEvents();
    const first = account(
      'South Korean Defense Minister claims North Korea likely to send troops to Ukraine',
      {
        publishedAt: '2024-10-08T09:00:00.000Z',
      },
    );
    await recordAccount(repo, first);
    for (const [i, wording] of [
      "South Korea's defence minister said Pyongyang was likely to dispatch troops to Ukraine",
      'Seoul: North Korea is likely to send troops to Ukraine, defence minister says',
    ].entries()) {
      await recordAccount(repo, account(wording, { publishedAt: `2024-10-0${8 + i}T12:00:00.000Z` }));
      expect(repo.events().map((e) => e.id)).toEqual([accountId(first)]);
    }
    expect(repo.events()[0]?.accounts).toHaveLength(3);
  });
});

/** One story's articles from the labelled set (not the one the crash property uses). */
const story: Source[][] = (() => {
  const byArticle = new Map<string, Source[]>();
  for (const { account } of labelledAccounts(loadMultiSourceSet(`${MULTI_SOURCE_SET}politics`))) {
    byArticle.set(account.articleId, [...(byArticle.get(account.articleId) ?? []), account]);
  }
  return [...byArticle.values()].slice(0, 20);
})();

const timeline = (repo: MemoryEvents) => repo.events().map(({ version, ...event }: TimelineEvent) => event);

describe('order independence (property)', () => {
  it('gives the same events, ids included, whatever order the articles arrive in', async () => {
    const inOrder = new MemoryEvents();
    for (const article of story) await recordAccounts(inOrder, withSameDay(article));
    const expected = timeline(inOrder);
    expect(expected.some((e) => e.sources.length > 1)).toBe(true);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(
          story.map((_, i) => i),
          { minLength: story.length },
        ),
        async (order) => {
          const repo = new MemoryEvents();
          for (const i of order) await recordAccounts(repo, withSameDay(story[i] as Source[]));
          expect(timeline(repo)).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

/** A deterministic generator, so a failing interleaving can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('eight concurrent workers (in memory, every call a chance to interleave)', () => {
  it('end with the sequential run’s events when every article comes twice, shuffled', async () => {
    const byArticle = new Map<string, ReturnType<typeof labelledAccounts>>();
    for (const entry of labelledAccounts(loadMultiSourceSet().slice(0, 90)))
      byArticle.set(entry.account.articleId, [...(byArticle.get(entry.account.articleId) ?? []), entry]);
    const articleList = [...byArticle.values()];
    const sequential = new MemoryEvents();
    for (const entries of articleList) await recordAccounts(sequential, entries);

    const random = seeded(20241013);
    const repo = new MemoryEvents();
    const calls = [
      'postingsIn',
      'postingsOf',
      'post',
      'hold',
      'getMany',
      'create',
      'update',
      'absorb',
    ] as const;
    const shared = interposed(
      repo,
      Object.fromEntries(
        calls.map((name) => [
          name,
          async (...args: unknown[]) => {
            await new Promise((resolve) => setTimeout(resolve, random() * 2));
            return (repo[name] as (...a: unknown[]) => Promise<unknown>).apply(repo, args);
          },
        ]),
      ),
    );
    const queue = [...articleList, ...articleList]
      .map((entries) => ({ entries, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map(({ entries }) => entries);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await recordAccounts(shared, next);
      }),
    );
    expect(timeline(repo)).toEqual(timeline(sequential));
  }, 180_000);
});
