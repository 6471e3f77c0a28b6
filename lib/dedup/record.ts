import type { Article } from '../articles/index.ts';
import { eventsOf } from '../extraction/index.ts';
import type { Source, TimelineEvent } from '../timeline/index.ts';
import { accountsOf } from './accounts.ts';
import { accountId, deriveEvent, mergeAccounts } from './derive.ts';
import { type Posting, postingOf } from './posting.ts';
import { accountsMatch } from './similarity.ts';
import { candidateRanges, type SortRange } from './window.ts';

/** What the dedup logic needs from storage; every write is conditional so concurrent workers converge. */
export interface EventRepository {
  /** Every account filed under a date in any of the ranges. */
  postingsIn(ranges: SortRange[]): Promise<Posting[]>;
  /** Files an account under its date (again, when an edit changed it). */
  post(posting: Posting): Promise<void>;
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

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const sameAccount = (a: Pick<Source, 'articleId' | 'position'>, b: Pick<Source, 'articleId' | 'position'>) =>
  a.articleId === b.articleId && a.position === b.position;

/** The live event an id leads to (an event's own, or an account's pointer), read consistently. */
async function eventAt(repo: EventRepository, id: string): Promise<TimelineEvent | undefined> {
  const live = await repo.resolve(id);
  return live ? repo.get(live) : undefined;
}

/**
 * The events this account must join: the one already holding it (a redelivery), and the one each
 * earlier account it matches lives in, found by their postings under compatible dates. Each is
 * resolved by its own id even when a fetched event already holds it: a merge cut short leaves
 * the account in the survivor and in its old event, and only its id says which is live.
 */
async function linkedEvents(
  repo: EventRepository,
  account: Posting,
  postings: Posting[],
): Promise<{ events: Map<string, TimelineEvent>; own?: TimelineEvent }> {
  const events = new Map<string, TimelineEvent>();
  const own = await eventAt(repo, accountId(account));
  if (own) events.set(own.id, own);
  const matched = postings.filter((p) => !sameAccount(p, account) && accountsMatch(p, account));
  for (const posting of matched) {
    const live = await repo.resolve(accountId(posting));
    if (!live || events.has(live)) continue;
    const event = await repo.get(live);
    if (event) events.set(event.id, event);
  }
  return { events, own };
}

/**
 * Adds one account to the timeline. It joins every event holding an account it matches (merging
 * them: single linkage), and the result lives under the smallest account id among its accounts, so
 * the same accounts give the same event and id whatever order they arrived in. The account is then
 * filed under its own date and the window read again, until the account sits in exactly one event
 * that nothing else matches: a worker that created a twin concurrently finds it there and the two
 * converge. Every write names the version it read.
 */
export async function recordAccount(
  repo: EventRepository,
  account: Source,
  sameDay?: string[],
): Promise<Outcome> {
  const posting = postingOf(account, sameDay);
  let outcome: Outcome | undefined;
  /** Events to join whatever the postings show: merged by us, but not yet turned into pointers. */
  const pinned = new Map<string, TimelineEvent>();
  const unabsorbed = new Set<string>();
  /** Account ids that cannot take an event: pointers left by data from before this rule. */
  const taken = new Set<string>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    for (const id of unabsorbed) {
      // Still live: merge it again. Merged by someone else meanwhile: its accounts, which we copied,
      // now live in the event it went into, so that one must join ours too.
      const event = await eventAt(repo, id);
      if (event) pinned.set(event.id, event);
      unabsorbed.delete(id);
    }
    const postings = await repo.postingsIn(candidateRanges(account));
    const found = await linkedEvents(repo, posting, postings);
    const linked = [...new Map([...pinned, ...found.events]).values()];
    const accounts = mergeAccounts([...linked.flatMap((event) => event.accounts), account]);
    const targetId = accounts
      .map(accountId)
      .filter((id) => !taken.has(id) || linked.some((event) => event.id === id))
      .sort()[0] as string;
    const target = linked.find((event) => event.id === targetId);
    const filed = postings.find((p) => sameAccount(p, account));
    if (linked.length === 1 && target && same(target.accounts, accounts)) {
      // Stable, unless a crash after the event write left the pointer under its own id or its
      // posting unwritten (or an edit changed the posting). Writing them, it reads again: a twin
      // that read the postings before this one was filed would otherwise never meet it.
      const unfiled = !filed || !same(filed, posting);
      if (found.own && !unfiled) return outcome ?? 'unchanged';
      if (!found.own) await repo.point(accountId(account), targetId);
      if (unfiled) await repo.post(posting);
      continue;
    }
    const next = deriveEvent(targetId, accounts, target ? target.version + 1 : 0);
    const written = target ? await repo.update(next) : await repo.create(next);
    if (!written) {
      // The id is taken by an event these postings did not lead to (one whose posting is not
      // visible yet): read where it lives now, directly, and join it.
      const existing = target ? undefined : await eventAt(repo, targetId);
      if (existing && !linked.some((event) => event.id === existing.id)) pinned.set(existing.id, existing);
      else if (!target) taken.add(targetId);
      continue;
    }
    pinned.clear();
    // Its accounts are in the target now: if someone wrote it meanwhile, merge it again next round.
    for (const event of linked) {
      if (event.id === targetId) continue;
      if (!(await repo.absorb(event, targetId))) unabsorbed.add(event.id);
    }
    // An account that joined an event under another id leaves a pointer under its own: redelivered,
    // or matched by a later account, it leads to its event in one read.
    if (targetId !== accountId(account)) await repo.point(accountId(account), targetId);
    await repo.post(posting);
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

/**
 * Extracts every event of an article before writing any, so an article whose extraction fails
 * leaves nothing half-written; the writes themselves are idempotent, so a retry after a partial
 * write completes it without duplicates.
 */
export async function recordArticle(repo: EventRepository, article: Article): Promise<ArticleOutcome> {
  const mentions = eventsOf({
    html: article.html,
    publishedAt: article.publishedAt,
    utcOffsetMinutes: article.utcOffsetMinutes,
    title: article.title,
    language: article.language,
  });
  const outcome: ArticleOutcome = { events: mentions.length, created: 0, merged: 0, unchanged: 0 };
  for (const { account, sameDay } of accountsOf(article, mentions)) {
    outcome[await recordAccount(repo, account, sameDay)]++;
  }
  return outcome;
}
