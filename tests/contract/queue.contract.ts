import { beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../lib/articles/index.ts';
import type { ArticleQueue, Feed, PollJobQueue } from '../../lib/feeds/index.ts';
import { aFeed, anArticle } from '../support/accounts.ts';

/** A message on the articles queue as its consumer reads it. */
export interface Arrival {
  kind: 'article' | 'credit';
  /** The article's id. */
  id: string;
  /** The feed that queued the article, or the one a credit is for. */
  feedId: string;
  /** The article's title, as queued (absent on a credit, which carries no article). */
  title?: string;
}

/** The two queues' ports, and what their consumers would receive. */
export interface QueuesUnderTest {
  articles: ArticleQueue;
  jobs: PollJobQueue;
  /** Every message on the articles queue, once `count` have arrived (or the wait is over). */
  arrivals(count: number): Promise<Arrival[]>;
  /** Every poll job on the feeds queue, decoded, once `count` have arrived. */
  pollJobs(count: number): Promise<Feed[]>;
}

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
const arrivalOf = (article: Article, kind: Arrival['kind'] = 'article'): Arrival => ({
  kind,
  id: article.id,
  feedId: article.feedId,
  ...(kind === 'article' ? { title: article.title } : {}),
});

/** Articles as long as the queue lets an article be: several would overflow one SendMessageBatch. */
const longArticles = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    anArticle(100 + i, { html: `<p>${'The harbour stayed shut. '.repeat(7_800)}</p>` }),
  );

/**
 * What the poller and the scheduler may rely on from their queues: every message accepted arrives
 * once, as sent; every one is reported sent or failed; batch limits are the adapter's business, not
 * the caller's. The queues deliver at least once and do not deduplicate (the ledger does).
 * `makeQueues` gives fresh, empty queues per test.
 */
export function describeQueueContract(name: string, makeQueues: () => Promise<QueuesUnderTest>) {
  describe(`queue contract: ${name}`, () => {
    let queues: QueuesUnderTest;
    beforeEach(async () => {
      queues = await makeQueues();
    });

    it('queues each article as one message, reporting every one sent in the order given', async () => {
      const articles = Array.from({ length: 23 }, (_, i) => anArticle(i + 1));
      expect(await queues.articles.send(articles)).toEqual({ sent: articles, failed: [] });
      expect(byId(await queues.arrivals(23))).toEqual(byId(articles.map((a) => arrivalOf(a))));
    });

    it('queues a credit for the feed that carries an article, not the article again', async () => {
      const carried = anArticle(7, { feedId: 'mirror', feedName: 'Mirror' });
      expect(await queues.articles.credit([carried])).toEqual({ sent: [carried], failed: [] });
      expect(await queues.arrivals(1)).toEqual([arrivalOf(carried, 'credit')]);
    });

    it('keeps an article sent twice twice: the ledger, not the queue, queues it once', async () => {
      const article = anArticle(3);
      await queues.articles.send([article]);
      await queues.articles.send([article]);
      expect(await queues.arrivals(2)).toEqual([arrivalOf(article), arrivalOf(article)]);
    });

    it('sends articles as long as an article may be, several to a call', async () => {
      const articles = longArticles(6);
      expect(await queues.articles.send(articles)).toEqual({ sent: articles, failed: [] });
      expect(byId(await queues.arrivals(6))).toEqual(byId(articles.map((a) => arrivalOf(a))));
    });

    it('carries any text a feed gives, emoji and other characters beyond the BMP included', async () => {
      const article = anArticle(4, { title: 'Ferry 🚢 service resumes after 𝟐 weeks' });
      expect(await queues.articles.send([article])).toEqual({ sent: [article], failed: [] });
      expect(await queues.arrivals(1)).toEqual([arrivalOf(article)]);
    });

    it('sends nothing for no articles', async () => {
      expect(await queues.articles.send([])).toEqual({ sent: [], failed: [] });
      expect(await queues.arrivals(0)).toEqual([]);
    });

    it('queues one poll job per feed, the feed as the scheduler read it', async () => {
      const feeds = Array.from({ length: 12 }, (_, i) =>
        aFeed({ id: `feed-${i}`, url: `https://feed${i}.example/rss`, topics: ['shipping'] }),
      );
      expect(await queues.jobs.send(feeds)).toEqual({ sent: feeds, failed: [] });
      expect(byId(await queues.pollJobs(12))).toEqual(byId(feeds));
    });
  });
}
