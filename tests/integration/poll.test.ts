import { GetQueueAttributesCommand, PurgeQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import type { Article } from '../../lib/articles/index.ts';
import {
  type ArticleQueue,
  articleFromEntry,
  type Feed,
  type PollDeps,
  parseFeed,
  pollFeed,
  type QueueResult,
} from '../../lib/feeds/index.ts';
import { guardedFetch } from '../../lib/http/index.ts';
import type { Log } from '../../lib/log.ts';
import { decodeArticleMessage, decodeArticlesQueueMessage, SqsArticleQueue } from '../../lib/queue/index.ts';
import { DynamoArticleLedger, DynamoFeedStates } from '../../lib/store/index.ts';
import { aFeed } from '../support/accounts.ts';
import { FeedServer } from '../support/feed-server.ts';
import { takeAll, workspace } from '../support/local.ts';
import { type FixtureItem, rss } from '../support/rss.ts';

const items: FixtureItem[] = Array.from({ length: 23 }, (_, i) => ({
  title: `Bulletin ${i + 1}`,
  link: `https://bulletins.example.org/${i + 1}`,
  pubDate: `2024-10-${String((i % 28) + 1).padStart(2, '0')}T12:00:00Z`,
  html: `<p>On ${(i % 28) + 1} October the port authority published bulletin number ${i + 1}.</p>`,
}));

function recorder(): Log & { lines: string[] } {
  const lines: string[] = [];
  const record = (message: string) => void lines.push(message);
  return { lines, info: record, warn: record, error: record };
}

/** The real queue, but refusing the entries a test names, as SQS turns entries of a batch away under throttling. */
class RefusingQueue implements ArticleQueue {
  constructor(
    private readonly inner: SqsArticleQueue,
    private readonly refuse: (article: Article) => boolean,
  ) {}

  private async split(articles: Article[], send: (kept: Article[]) => Promise<QueueResult>) {
    const refused = articles.filter(this.refuse);
    const result = await send(articles.filter((article) => !this.refuse(article)));
    const reason = 'ThrottlingException: refused';
    return {
      sent: result.sent,
      failed: [...result.failed, ...refused.map((article) => ({ article, reason }))],
    };
  }

  send(articles: Article[]) {
    return this.split(articles, (kept) => this.inner.send(kept));
  }

  credit(articles: Article[]) {
    return this.split(articles, (kept) => this.inner.credit(kept));
  }
}

describe('polling a feed into SQS, with the ledger in DynamoDB', () => {
  const server = new FeedServer();
  let stack: LocalStack;
  let feed: Feed;
  const fetch = (url: string, headers?: Record<string, string>) =>
    guardedFetch(url, { allowPrivateNetwork: true, headers });
  let states: DynamoFeedStates;
  const poll = async (deps: Omit<PollDeps, 'fetch' | 'states'>) =>
    pollFeed(feed, (await states.getMany([feed.id])).get(feed.id), { ...deps, fetch, states });

  beforeAll(async () => {
    await server.start();
    server.serve('/bulletins.xml', rss('Bulletins', items));
    stack = await startLocalStack(workspace().options);
    states = new DynamoFeedStates(stack.dynamo, 'dateline');
    feed = aFeed({ id: 'bulletins', name: 'Bulletins', url: server.url('/bulletins.xml') });
  });
  afterAll(async () => {
    await stack.stop();
    await server.stop();
  });

  it('marks nothing seen while SQS refuses it, then queues every article exactly once', async () => {
    const ledger = new DynamoArticleLedger(stack.dynamo, 'dateline');
    const missingQueue = new SqsArticleQueue(stack.sqs, `${stack.articles.url}-does-not-exist`);
    const log = recorder();
    const refused = await poll({ ledger, queue: missingQueue, log });
    expect(refused).toMatchObject({ ok: true, entries: 23, queued: 0 });
    expect(log.lines.filter((line) => line.includes('could not queue'))).toEqual([
      expect.stringContaining('could not queue 23 article(s)'),
    ]);

    const queue = new SqsArticleQueue(stack.sqs, stack.articles.url);
    const accepted = await poll({ ledger, queue, log });
    expect(accepted).toMatchObject({ ok: true, entries: 23, queued: 23 });
    const again = await poll({ ledger, queue, log });
    expect(again.queued).toBe(0);

    const { Attributes } = await stack.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: stack.articles.url,
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    expect(Attributes?.ApproximateNumberOfMessages).toBe('23');
  });

  const edited = items.map((item, i) =>
    i === 4 ? { ...item, html: `${item.html}<p>Corrected.</p>` } : item,
  );

  it('queues an article again when the feed edits it', async () => {
    const ledger = new DynamoArticleLedger(stack.dynamo, 'dateline');
    const queue = new SqsArticleQueue(stack.sqs, stack.articles.url);
    server.serve('/bulletins.xml', rss('Bulletins', edited));
    const result = await poll({ ledger, queue, log: recorder() });
    expect(result.queued).toBe(1);
  });

  it('sends a credit, not the article again, for what a second feed carries unchanged; a refused one is retried', async () => {
    const ledger = new DynamoArticleLedger(stack.dynamo, 'dateline');
    server.serve('/mirror.xml', rss('Mirror', edited));
    const mirror: Feed = { ...feed, id: 'mirror', name: 'Mirror', url: server.url('/mirror.xml') };
    const pollMirror = async (queue: SqsArticleQueue) =>
      pollFeed(mirror, (await states.getMany([mirror.id])).get(mirror.id), {
        ledger,
        queue,
        log: recorder(),
        fetch,
        states,
      });
    await stack.sqs.send(new PurgeQueueCommand({ QueueUrl: stack.articles.url }));
    const refused = await pollMirror(new SqsArticleQueue(stack.sqs, `${stack.articles.url}-does-not-exist`));
    expect(refused).toMatchObject({ ok: true, entries: 23, queued: 0, credited: 0 });
    const queue = new SqsArticleQueue(stack.sqs, stack.articles.url);
    expect(await pollMirror(queue)).toMatchObject({ queued: 0, credited: 23 });
    expect(await pollMirror(queue)).toMatchObject({ queued: 0, credited: 0 });
    const messages = (await takeAll(stack.sqs, stack.articles.url)).map((m) =>
      decodeArticlesQueueMessage(m.Body ?? ''),
    );
    expect(messages).toHaveLength(23);
    expect(new Set(messages.map((m) => (m.kind === 'credit' ? m.feed.id : m.kind)))).toEqual(
      new Set(['mirror']),
    );
  });

  it('queues an article too long for one message, trimmed at a sentence and flagged, not failed', async () => {
    const ledger = new DynamoArticleLedger(stack.dynamo, 'dateline');
    const queue = new SqsArticleQueue(stack.sqs, stack.articles.url);
    const huge =
      '<p>On 3 October the harbour master closed the northern channel to cargo traffic.</p>'.repeat(4000);
    server.serve(
      '/bulletins.xml',
      rss('Bulletins', [
        {
          title: 'Huge',
          link: 'https://bulletins.example.org/huge',
          pubDate: '2024-10-04T12:00:00Z',
          html: huge,
        },
      ]),
    );
    await stack.sqs.send(new PurgeQueueCommand({ QueueUrl: stack.articles.url }));
    const result = await poll({ ledger, queue, log: recorder() });
    expect(result.queued).toBe(1);
    const { Messages = [] } = await stack.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: stack.articles.url, MaxNumberOfMessages: 10 }),
    );
    const article = decodeArticleMessage(Messages[0]?.Body ?? '');
    expect(article.trimmed).toBe(true);
    expect(article.html.endsWith('</p>')).toBe(true);
    expect(Buffer.byteLength(article.html)).toBeLessThan(Buffer.byteLength(huge));
  });
  it('reads the feed in the language it declares, unless ops set one in feeds.yaml', async () => {
    const ledger = new DynamoArticleLedger(stack.dynamo, 'dateline');
    const queue = new SqsArticleQueue(stack.sqs, stack.articles.url);
    const german = (n: number) =>
      rss('Hafen', [
        {
          title: `Meldung ${n}`,
          link: `https://hafen.example.org/${n}`,
          pubDate: '2024-10-16T08:00:00Z',
          html: '<p>Am Dienstag schloss der Hafenmeister die nördliche Fahrrinne.</p>',
        },
      ])
        .replace('<channel>', '<channel><language>de-DE</language>')
        .replace('08:00:00 GMT', '10:00:00 +0200');
    const queuedLanguage = async (configured: Feed) => {
      await stack.sqs.send(new PurgeQueueCommand({ QueueUrl: stack.articles.url }));
      await pollFeed(configured, undefined, { ledger, queue, log: recorder(), fetch, states });
      const { Messages = [] } = await stack.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: stack.articles.url, MaxNumberOfMessages: 10 }),
      );
      const article = decodeArticleMessage(Messages[0]?.Body ?? '');
      // The newsroom's offset travels with the article, the instant stays UTC.
      expect([article.publishedAt, article.utcOffsetMinutes]).toEqual(['2024-10-16T08:00:00.000Z', 120]);
      return article.language;
    };
    server.serve('/hafen.xml', german(1));
    const hafen = aFeed({ id: 'hafen', name: 'Hafen', url: server.url('/hafen.xml') });
    expect(await queuedLanguage(hafen)).toBe('de-DE');
    server.serve('/hafen.xml', german(2));
    expect(await queuedLanguage({ ...hafen, language: 'en' })).toBe('en');
  });

  it('never marks ahead of the queue: refused articles and credits stay unmarked, and only they go next poll', async () => {
    const ledger = new DynamoArticleLedger(stack.dynamo, 'dateline');
    const queue = new SqsArticleQueue(stack.sqs, stack.articles.url);
    const notices = items.map((item, i) => ({ ...item, link: `https://notices.example.org/${i}` }));
    server.serve('/notices.xml', rss('Notices', notices));
    server.serve('/notices-mirror.xml', rss('Notices mirror', notices));
    const origin = aFeed({ id: 'notices', name: 'Notices', url: server.url('/notices.xml') });
    const mirror = aFeed({ id: 'notices-mirror', name: 'Mirror', url: server.url('/notices-mirror.xml') });
    const articlesOf = async (feed: Feed) =>
      (await parseFeed(rss('x', notices))).entries.map(
        (entry) => articleFromEntry(feed, entry, new Date()) as Article,
      );
    const numbered = (article: Article) => Number(article.url.split('/').pop());
    const pollWith = async (feed: Feed, q: ArticleQueue) =>
      pollFeed(feed, (await states.getMany([feed.id])).get(feed.id), {
        ledger,
        queue: q,
        log: recorder(),
        fetch,
        states,
      });
    await stack.sqs.send(new PurgeQueueCommand({ QueueUrl: stack.articles.url }));

    const refusedArticle = (article: Article) => numbered(article) % 3 === 0;
    expect(await pollWith(origin, new RefusingQueue(queue, refusedArticle))).toMatchObject({ queued: 15 });
    const unmarked = (await ledger.triage(await articlesOf(origin))).unseen
      .map(numbered)
      .sort((a, b) => a - b);
    expect(unmarked).toEqual([0, 3, 6, 9, 12, 15, 18, 21]);
    expect(await pollWith(origin, queue)).toMatchObject({ queued: 8 });

    const refusedCredit = (article: Article) => numbered(article) % 4 === 0;
    expect(await pollWith(mirror, new RefusingQueue(queue, refusedCredit))).toMatchObject({
      queued: 0,
      credited: 17,
    });
    const uncredited = (await ledger.triage(await articlesOf(mirror))).carried
      .map(numbered)
      .sort((a, b) => a - b);
    expect(uncredited).toEqual([0, 4, 8, 12, 16, 20]);
    expect(await pollWith(mirror, queue)).toMatchObject({ queued: 0, credited: 6 });

    const messages = (await takeAll(stack.sqs, stack.articles.url)).map((m) =>
      decodeArticlesQueueMessage(m.Body ?? ''),
    );
    const keysOf = messages.map((m) =>
      m.kind === 'credit' ? `credit ${m.articleId}` : `article ${m.article.id}`,
    );
    expect(keysOf).toHaveLength(46);
    expect(new Set(keysOf).size).toBe(46);
  });
});
