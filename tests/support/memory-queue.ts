import type { Article } from '../../lib/articles/index.ts';
import type { ArticleLedger, ArticleQueue, QueueResult, Triage } from '../../lib/feeds/index.ts';

/**
 * The poller's ArticleLedger port in memory, with the DynamoDB adapter's rules (a changed content hash
 * is unseen again; a known article from a new feed is carried). It records every mark in order, so a
 * test can compare marks with what the queue accepted. The DynamoDB ledger has its own tests.
 */
export class MemoryLedger implements ArticleLedger {
  readonly entries = new Map<string, { contentHash: string; feedIds: Set<string> }>();
  readonly marks: Array<{ kind: 'seen' | 'carried'; id: string }> = [];

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
    const entry = this.entries.get(article.id);
    const feedIds = new Set([...(entry?.feedIds ?? []), article.feedId]);
    this.entries.set(article.id, { contentHash: article.contentHash, feedIds });
    this.marks.push({ kind: 'seen', id: article.id });
  }

  async markCarried(article: Article): Promise<void> {
    this.entries.get(article.id)?.feedIds.add(article.feedId);
    this.marks.push({ kind: 'carried', id: article.id });
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
  readonly accepted: Array<{ kind: 'article' | 'credit'; id: string; url: string }> = [];
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
        this.accepted.push({ kind, id: article.id, url: article.url });
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
