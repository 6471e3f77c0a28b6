import type { Article } from '../articles/index.ts';
import { type ExtractedEvent, eventsOf, topicSlug } from '../extraction/index.ts';
import type { Source, TimelineEvent } from '../timeline/index.ts';
import { accountId, deriveEvent, mergeAccounts } from './derive.ts';
import { linksTo } from './similarity.ts';
import { candidateRanges, type SortRange } from './window.ts';

/** What the dedup logic needs from storage; every write is conditional so concurrent workers converge. */
export interface EventRepository {
  /** Live events whose sort keys fall in any of the ranges. */
  inRanges(ranges: SortRange[]): Promise<TimelineEvent[]>;
  /** One event by id, read consistently; undefined when absent or merged away. */
  get(id: string): Promise<TimelineEvent | undefined>;
  /** Stores a new event; false when an item with its id already exists. */
  create(event: TimelineEvent): Promise<boolean>;
  /** Stores an updated event; false when someone else wrote it since `event.version - 1` was read. */
  update(event: TimelineEvent): Promise<boolean>;
  /** Replaces an event merged into another by a pointer to it; false when it changed since read. */
  absorb(event: TimelineEvent, into: string): Promise<boolean>;
}

export type Outcome = 'created' | 'merged' | 'unchanged';

const MAX_ATTEMPTS = 12;

export class WriteConflictError extends Error {
  constructor(date: string) {
    super(`gave up after ${MAX_ATTEMPTS} conflicting writes on ${date}`);
    this.name = 'WriteConflictError';
  }
}

const sameSources = (a: Source[], b: Source[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Adds one account to the timeline. It joins every event it matches (merging them when it links
 * several: single linkage, so the result does not depend on arrival order) under the smallest of their
 * accounts' ids, or starts its own. Then it reads the window again, until the account sits in exactly
 * one event that nothing else matches: a worker that created a twin concurrently finds it there and
 * the two converge on one id. Every write names the version it read.
 */
export async function recordAccount(repo: EventRepository, account: Source): Promise<Outcome> {
  let outcome: Outcome | undefined;
  const pinned = new Map<string, TimelineEvent>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const window = await repo.inRanges(candidateRanges(account));
    const candidates = [...new Map([...pinned, ...window.map((e) => [e.id, e] as const)]).values()];
    const linked = candidates.filter((event) => linksTo(event.sources, account));
    const sources = mergeAccounts([...linked.flatMap((event) => event.sources), account]);
    const targetId = sources.map(accountId).sort()[0] as string;
    const target = linked.find((event) => event.id === targetId);
    if (linked.length === 1 && target && sameSources(target.sources, sources)) return outcome ?? 'unchanged';
    const next = deriveEvent(targetId, sources, target ? target.version + 1 : 0);
    const written = target ? await repo.update(next) : await repo.create(next);
    if (!written) {
      // The id may exist outside what the index showed (a lagging GSI): read it directly next time.
      const existing = target ? undefined : await repo.get(targetId);
      if (existing) pinned.set(existing.id, existing);
      continue;
    }
    pinned.clear();
    for (const event of linked) if (event.id !== targetId) await repo.absorb(event, targetId);
    outcome ??= linked.length ? 'merged' : 'created';
  }
  throw new WriteConflictError(account.date);
}

export interface ArticleOutcome {
  events: number;
  created: number;
  merged: number;
  unchanged: number;
}

/** An extracted event as this article's account of it. */
export function accountOf(article: Article, mention: ExtractedEvent, position: number): Source {
  return {
    articleId: article.id,
    url: article.url,
    title: article.title,
    feedId: article.feedId,
    feedName: article.feedName,
    publishedAt: article.publishedAt,
    quote: mention.quote,
    position,
    kind: mention.kind,
    date: mention.date,
    datePrecision: mention.datePrecision,
    endDate: mention.endDate,
    scheduled: mention.scheduled,
    summary: mention.summary,
    topics: [
      ...new Set([...article.topics, ...mention.entities.places.map(topicSlug).filter(Boolean)]),
    ].sort(),
    entities: mention.entities,
  };
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
  for (const [position, mention] of mentions.entries()) {
    outcome[await recordAccount(repo, accountOf(article, mention, position))]++;
  }
  return outcome;
}
