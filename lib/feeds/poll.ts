import type { Article } from '../articles/index.ts';
import { decodeBody, type FetchedResponse } from '../http/index.ts';
import type { Log } from '../log.ts';
import { articleFromEntry } from './articles.ts';
import type { Feed } from './config.ts';
import { parseFeed } from './parse.ts';

/** Which articles were already queued: the poller's memory. */
export interface ArticleLedger {
  unseen(articles: Article[]): Promise<Article[]>;
  markSeen(article: Article): Promise<void>;
}

export interface QueueResult {
  sent: Article[];
  failed: Array<{ article: Article; reason: string }>;
}

export interface ArticleQueue {
  send(articles: Article[]): Promise<QueueResult>;
}

export interface PollDeps {
  fetch(url: string): Promise<FetchedResponse>;
  ledger: ArticleLedger;
  queue: ArticleQueue;
  log: Log;
  now?: () => Date;
}

export interface PollResult {
  feedId: string;
  ok: boolean;
  status?: number;
  entries: number;
  queued: number;
  error?: string;
}

async function fetchEntries(feed: Feed, deps: PollDeps) {
  const response = await deps.fetch(feed.url);
  if (response.status < 200 || response.status > 299) {
    throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
  }
  const feedDocument = await parseFeed(decodeBody(response.body, response.headers['content-type']));
  return { status: response.status, entries: feedDocument.entries };
}

/**
 * Polls one feed and queues what is new. An article is marked seen only after SQS accepted it, so a
 * crash in between queues it again (the worker is idempotent) instead of losing it.
 */
export async function pollFeed(feed: Feed, deps: PollDeps): Promise<PollResult> {
  try {
    const { status, entries } = await fetchEntries(feed, deps);
    const seenAt = (deps.now ?? (() => new Date()))();
    const articles = entries
      .map((entry) => articleFromEntry(feed, entry, seenAt))
      .filter((a): a is Article => !!a);
    const fresh = await deps.ledger.unseen(dedupeById(articles));
    const { sent, failed } = fresh.length ? await deps.queue.send(fresh) : { sent: [], failed: [] };
    for (const article of sent) await deps.ledger.markSeen(article);
    for (const { article, reason } of failed) {
      deps.log.warn(`feed ${feed.id}: could not queue ${article.url}, will retry next poll: ${reason}`);
    }
    deps.log.info(`feed ${feed.id}: ${entries.length} entries, ${sent.length} new queued`, {
      feedId: feed.id,
    });
    return { feedId: feed.id, ok: true, status, entries: entries.length, queued: sent.length };
  } catch (error) {
    const message = (error as Error).message;
    deps.log.error(`feed ${feed.id} (${feed.url}) failed: ${message}`, { feedId: feed.id });
    return {
      feedId: feed.id,
      ok: false,
      status: (error as { status?: number }).status,
      entries: 0,
      queued: 0,
      error: message,
    };
  }
}

function dedupeById(articles: Article[]): Article[] {
  return [...new Map(articles.map((article) => [article.id, article])).values()];
}

/** Polls feeds a few at a time; one feed's failure never stops the others. */
export async function pollFeeds(feeds: Feed[], deps: PollDeps, concurrency = 4): Promise<PollResult[]> {
  const results: PollResult[] = [];
  const pending = [...feeds];
  const worker = async () => {
    for (let feed = pending.shift(); feed; feed = pending.shift()) results.push(await pollFeed(feed, deps));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, feeds.length) }, worker));
  return results;
}
