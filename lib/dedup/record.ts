import type { Article } from '../articles/index.ts';
import { eventsOf } from '../extraction/index.ts';
import type { Source, TimelineEvent } from '../timeline/event.ts';
import { bestMatch } from './match.ts';
import { type Account, newEvent, withAccount } from './merge.ts';

/** What the dedup logic needs from storage; every write is conditional so concurrent workers converge. */
export interface EventRepository {
  /** Events that could be the same as a mention on this date. */
  candidates(date: string): Promise<TimelineEvent[]>;
  /** Stores a new event; false when an event with its id already exists. */
  create(event: TimelineEvent): Promise<boolean>;
  /** Stores an updated event; false when someone else wrote it since `event.version - 1` was read. */
  update(event: TimelineEvent): Promise<boolean>;
}

export type Outcome = 'created' | 'merged' | 'unchanged';

const MAX_ATTEMPTS = 8;

export class WriteConflictError extends Error {
  constructor(date: string) {
    super(`gave up after ${MAX_ATTEMPTS} conflicting writes on ${date}`);
    this.name = 'WriteConflictError';
  }
}

/** Adds one account to the timeline, retrying from a fresh read whenever a concurrent write wins. */
export async function recordAccount(repo: EventRepository, account: Account): Promise<Outcome> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const candidates = await repo.candidates(account.mention.date);
    const match = bestMatch(candidates, account.mention, account.source.articleId);
    if (match) {
      const updated = withAccount(match, account);
      if (!updated) return 'unchanged';
      if (await repo.update(updated)) return 'merged';
    } else if (await repo.create(newEvent(account))) {
      return 'created';
    }
  }
  throw new WriteConflictError(account.mention.date);
}

export interface ArticleOutcome {
  events: number;
  created: number;
  merged: number;
  unchanged: number;
}

/**
 * Extracts every event of an article before writing any, so an article whose extraction fails
 * leaves nothing half-written; the writes themselves are idempotent, so a retry after a partial
 * write completes it without duplicates.
 */
export async function recordArticle(repo: EventRepository, article: Article): Promise<ArticleOutcome> {
  const mentions = eventsOf({
    html: article.html,
    publishedAt: article.publishedAt,
    title: article.title,
    language: article.language,
  });
  const outcome: ArticleOutcome = { events: mentions.length, created: 0, merged: 0, unchanged: 0 };
  for (const mention of mentions) {
    const source: Source = {
      articleId: article.id,
      url: article.url,
      title: article.title,
      feedId: article.feedId,
      feedName: article.feedName,
      publishedAt: article.publishedAt,
      quote: mention.quote,
    };
    outcome[await recordAccount(repo, { mention, source, topics: article.topics })]++;
  }
  return outcome;
}
