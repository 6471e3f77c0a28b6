import type { Article } from '../../lib/articles/index.ts';
import type { ArticleRecord, CreditLedger } from '../../lib/dedup/index.ts';
import type { ArticleLedger, ArticleQueue, QueueResult, Triage } from '../../lib/feeds/index.ts';
import type { FeedRef } from '../../lib/timeline/index.ts';

/** One article's entry: the poller's part (version queued, feeds that carried it) and the worker's. */
interface LedgerEntry {
  contentHash?: string;
  feedIds: Set<string>;
  accounts?: number;
  credits: Map<string, FeedRef>;
}

/**
 * The article ledger in memory, both sides of it as the DynamoDB adapter keeps them on one item: the
 * poller's ArticleLedger (a changed content hash is unseen again; a known article from a new feed is
 * carried) and the worker's CreditLedger (each call one update answered with the entry as it left
 * it). It records every poller mark in order, so a test can compare marks with what the queue
 * accepted. tests/contract runs the same suite on it and on the DynamoDB ledger.
 */
export class MemoryLedger implements ArticleLedger, CreditLedger {
  readonly entries = new Map<string, LedgerEntry>();
  readonly marks: Array<{ kind: 'seen' | 'carried'; id: string }> = [];

  private entry(articleId: string): LedgerEntry {
    const entry = this.entries.get(articleId) ?? { feedIds: new Set(), credits: new Map() };
    this.entries.set(articleId, entry);
    return entry;
  }

  async triage(articles: Article[]): Promise<Triage> {
    const result: Triage = { unseen: [], carried: [] };
    for (const article of articles) {
      const entry = this.entries.get(article.id);
      if (!entry || entry.contentHash !== article.contentHash) result.unseen.push(article);
      else if (!entry.feedIds.has(article.feedId)) result.carried.push(article);
    }
    return result;
  }

  async markSeen(article: Article): Promise<void> {
    const entry = this.entry(article.id);
    entry.contentHash = article.contentHash;
    entry.feedIds.add(article.feedId);
    this.marks.push({ kind: 'seen', id: article.id });
  }

  async markCarried(article: Article): Promise<void> {
    this.entry(article.id).feedIds.add(article.feedId);
    this.marks.push({ kind: 'carried', id: article.id });
  }

  /** The worker's part as the store answers it: credits once each, by feed id. */
  private record(articleId: string): ArticleRecord {
    const { accounts, credits } = this.entry(articleId);
    return { accounts, credits: [...credits.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
  }

  async recorded(articleId: string, accounts: number): Promise<ArticleRecord> {
    const entry = this.entry(articleId);
    entry.accounts = Math.max(entry.accounts ?? 0, accounts);
    return this.record(articleId);
  }

  async credit(articleId: string, feed: FeedRef): Promise<ArticleRecord> {
    this.entry(articleId).credits.set(feed.id, { id: feed.id, name: feed.name });
    return this.record(articleId);
  }
}

/** Decides, per call, what the queue does with a batch: accept it, refuse some entries, or throw. */
export type QueueBehaviour = (
  articles: Article[],
  call: number,
) => { refuse?: (article: Article) => boolean; throws?: string; hang?: boolean };

/**
 * The ArticleQueue port in memory: every accepted message kept in order, with a behaviour a test
 * sets to refuse entries of a batch, lose a whole call, or never answer (a poll cut short).
 */
export class MemoryQueue implements ArticleQueue {
  /** Each message accepted, with a copy of the article it was sent for (a credit carries only its feed). */
  readonly accepted: Array<{ kind: 'article' | 'credit'; id: string; url: string; article: Article }> = [];
  readonly calls: number[] = [];
  behaviour: QueueBehaviour = () => ({});

  private async take(articles: Article[], kind: 'article' | 'credit'): Promise<QueueResult> {
    const call = this.calls.push(articles.length) - 1;
    const { refuse, throws, hang } = this.behaviour(articles, call);
    if (hang) return new Promise<QueueResult>(() => {});
    if (throws) throw new Error(throws);
    const result: QueueResult = { sent: [], failed: [] };
    for (const article of articles) {
      if (refuse?.(article)) result.failed.push({ article, reason: 'InternalError: refused' });
      else {
        result.sent.push(article);
        this.accepted.push({ kind, id: article.id, url: article.url, article: structuredClone(article) });
      }
    }
    return result;
  }

  send(articles: Article[]): Promise<QueueResult> {
    return this.take(articles, 'article');
  }

  credit(articles: Article[]): Promise<QueueResult> {
    return this.take(articles, 'credit');
  }
}
