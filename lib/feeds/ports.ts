import type { Article } from '../articles/index.ts';
import type { FeedState } from './state.ts';

/** Fetched articles sorted by what the queue needs of them; the rest were already queued from this feed. */
export interface Triage {
  /** Never queued, or changed since: to queue in full. */
  unseen: Article[];
  /** Queued unchanged from another feed, carried by this one for the first time: only the feed to credit. */
  carried: Article[];
}

/** Which articles were already queued, in which version and from which feeds: the poller's memory. */
export interface ArticleLedger {
  triage(articles: Article[]): Promise<Triage>;
  markSeen(article: Article): Promise<void>;
  /** Adds the article's feed to those that carried it, the version queued unchanged. */
  markCarried(article: Article): Promise<void>;
}

export interface QueueResult {
  sent: Article[];
  failed: Array<{ article: Article; reason: string }>;
}

export interface ArticleQueue {
  /** Queues each article for extraction. */
  send(articles: Article[]): Promise<QueueResult>;
  /** Queues, for each article, only a credit: its feed carries it too (no extraction again). */
  credit(articles: Article[]): Promise<QueueResult>;
}

/** Per-feed state and per-host limits, kept between polls. */
export interface FeedStateStore {
  getMany(ids: string[]): Promise<Map<string, FeedState>>;
  /** Stores a state read at `version - 1`; false when someone else wrote it since. */
  save(state: FeedState): Promise<boolean>;
  list(): Promise<FeedState[]>;
  hostBlockedUntil(host: string): Promise<Date | undefined>;
  blockHost(host: string, until: Date): Promise<void>;
}
