import type { Article } from '../articles/index.ts';
import { type ExtractedEvent, eventsOf, topicSlug } from '../extraction/index.ts';
import type { Source, TimelineEvent } from '../timeline/index.ts';
import { accountId, deriveEvent, mergeAccounts } from './derive.ts';
import { linksTo } from './similarity.ts';
import { candidateRanges, datesCompatible, type SortRange } from './window.ts';

/** What the dedup logic needs from storage; every write is conditional so concurrent workers converge. */
export interface EventRepository {
  /** Live events whose sort keys fall in any of the ranges. */
  inRanges(ranges: SortRange[]): Promise<TimelineEvent[]>;
  /** One event by id, read consistently; undefined when absent or merged away. */
  get(id: string): Promise<TimelineEvent | undefined>;
  /** The id an event lives under now: itself, or the event it was merged into. */
  resolve(id: string): Promise<string | undefined>;
  /** Stores a new event; false when an item with its id already exists. */
  create(event: TimelineEvent): Promise<boolean>;
  /** Stores an updated event; false when someone else wrote it since `event.version - 1` was read. */
  update(event: TimelineEvent): Promise<boolean>;
  /** Replaces an event merged into another by a pointer to it; false when it changed since read. */
  absorb(event: TimelineEvent, into: string): Promise<boolean>;
  /** Leaves a pointer under an unused id (an account's own), so the account finds its event by id. */
  point(id: string, into: string): Promise<void>;
}

export type Outcome = 'created' | 'merged' | 'unchanged';

export const MAX_ATTEMPTS = 12;

export class WriteConflictError extends Error {
  /** `on`: what the writes were about (a date, an article). */
  constructor(on: string) {
    super(`gave up after ${MAX_ATTEMPTS} conflicting writes on ${on}`);
    this.name = 'WriteConflictError';
  }
}

/** Key order differs between a stored item and a fresh account: compare values, not serialisations. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

const sameSources = (a: Source[], b: Source[]) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** An event already holding this very account: a too-short wording may match nothing, not even itself. */
const holds = (event: TimelineEvent, account: Source) =>
  event.accounts.some((s) => s.articleId === account.articleId && s.position === account.position);

/**
 * Adds one account to the timeline. It joins every event it matches (merging them when it links
 * several: single linkage) under the smallest of their ids, or starts its own under its account id. Then it reads the window again, until the account sits in exactly
 * one event that nothing else matches: a worker that created a twin concurrently finds it there and
 * the two converge on one id. Every write names the version it read.
 */
export async function recordAccount(repo: EventRepository, account: Source): Promise<Outcome> {
  let outcome: Outcome | undefined;
  /** Events to join whatever the window shows: found by id, or merged but not yet turned into pointers. */
  const pinned = new Map<string, TimelineEvent>();
  const unabsorbed = new Set<string>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    for (const id of unabsorbed) {
      // Still live: merge it again. Merged by someone else meanwhile: its accounts, which we copied,
      // now live in the event it went into, so that one must join ours too.
      const live = await repo.resolve(id);
      const event = live ? await repo.get(live) : undefined;
      if (event) pinned.set(event.id, event);
      unabsorbed.delete(id);
    }
    const window = await repo.inRanges(candidateRanges(account));
    const candidates = [...new Map([...pinned, ...window.map((e) => [e.id, e] as const)]).values()];
    const linked = candidates.filter(
      (event) =>
        pinned.has(event.id) ||
        holds(event, account) ||
        (datesCompatible(event, account) && linksTo(event.accounts, account)),
    );
    const accounts = mergeAccounts([...linked.flatMap((event) => event.accounts), account]);
    // Merged events live on under the smallest of their ids; a new event takes its first account's.
    const targetId = linked.length
      ? (linked.map((event) => event.id).sort()[0] as string)
      : accountId(account);
    const target = linked.find((event) => event.id === targetId);
    if (linked.length === 1 && target && sameSources(target.accounts, accounts))
      return outcome ?? 'unchanged';
    const next = deriveEvent(targetId, accounts, target ? target.version + 1 : 0);
    const written = target ? await repo.update(next) : await repo.create(next);
    if (!written) {
      // The id is taken by an event the window did not show: one the index has not caught up with,
      // or one this account was merged into and whose date has since moved away. The account belongs
      // to it either way: read where it lives now, directly, and join it.
      const live = target ? undefined : await repo.resolve(targetId);
      const existing = live ? await repo.get(live) : undefined;
      if (existing) pinned.set(existing.id, existing);
      continue;
    }
    pinned.clear();
    // Its accounts are in the target now: if someone wrote it meanwhile, merge it again next round.
    for (const event of linked) {
      if (event.id === targetId) continue;
      if (!(await repo.absorb(event, targetId))) unabsorbed.add(event.id);
    }
    // An account that joined an event it did not start leaves a pointer under its own id: redelivered
    // after that event's date has moved out of its window, it still finds it (create fails, resolve).
    if (targetId !== accountId(account)) await repo.point(accountId(account), targetId);
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
    feeds: [{ id: article.feedId, name: article.feedName }],
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
