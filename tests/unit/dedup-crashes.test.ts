import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordAccounts, withSameDay } from '../../lib/dedup/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';
import { labelledAccounts, loadMultiSourceSet, MULTI_SOURCE_SET } from '../eval/dedup.ts';
import { interposed, MemoryEvents } from '../support/memory-events.ts';

/** One story's articles from the labelled set: real chains of matches, a day apart and across months. */
const articles: Source[][] = (() => {
  const byArticle = new Map<string, Source[]>();
  for (const { account } of labelledAccounts(loadMultiSourceSet(`${MULTI_SOURCE_SET}world`))) {
    byArticle.set(account.articleId, [...(byArticle.get(account.articleId) ?? []), account]);
  }
  return [...byArticle.values()].slice(0, 24);
})();

class Killed extends Error {}

/** The repository as a worker sees it until it is killed: at its n-th write, before or after it lands. */
function killedAt(repo: MemoryEvents, n: number, afterWrite: boolean): MemoryEvents {
  let writes = 0;
  const guard =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      writes++;
      if (writes === n && !afterWrite) throw new Killed();
      const result = await write.apply(repo, args);
      if (writes === n) throw new Killed();
      return result;
    };
  return interposed(repo, {
    create: guard(repo.create),
    update: guard(repo.update),
    absorb: guard(repo.absorb),
    hold: guard(repo.hold),
    post: guard(repo.post),
  });
}

/** A message: the article's accounts; a kill drops the rest of its writes, and SQS redelivers it later. */
async function deliver(repo: MemoryEvents, article: Source[]) {
  await recordAccounts(repo, withSameDay(article));
}

const timeline = (repo: MemoryEvents) => repo.events().map(({ version, ...event }: TimelineEvent) => event);

describe('dedup when workers are killed at any write (in memory, every crash point)', () => {
  it('ends with the timeline an uninterrupted run gives, whatever write a kill lands on', async () => {
    const clean = new MemoryEvents();
    for (const article of articles) await deliver(clean, article);
    const expected = timeline(clean);
    // Kills that fired across all runs: a property that never killed a worker would prove nothing.
    let fired = 0;
    let runsWithKills = 0;

    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(
          articles.map((_, i) => i),
          { minLength: articles.length },
        ),
        fc.array(fc.record({ write: fc.integer({ min: 1, max: 12 }), after: fc.boolean() }), {
          minLength: articles.length,
          maxLength: articles.length,
        }),
        fc.array(fc.nat(), { minLength: articles.length, maxLength: articles.length }),
        async (order, kills, requeue) => {
          const repo = new MemoryEvents();
          const queue = [...order];
          const killed = new Set<number>();
          while (queue.length) {
            const index = queue.shift() as number;
            const kill = killed.has(index) ? undefined : kills[index];
            try {
              await deliver(
                kill ? killedAt(repo, kill.write, kill.after) : repo,
                articles[index] as Source[],
              );
            } catch (error) {
              if (!(error instanceof Killed)) throw error;
              fired++;
              killed.add(index);
              // Redelivered after the visibility timeout: somewhere later in the queue.
              queue.splice((requeue[index] as number) % (queue.length + 1), 0, index);
            }
          }
          if (killed.size) runsWithKills++;
          expect(timeline(repo)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
    expect(fired).toBeGreaterThan(60);
    expect(runsWithKills).toBeGreaterThan(30);
  }, 120_000);
});
