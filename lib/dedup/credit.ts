import type { Article } from '../articles/index.ts';
import type { FeedRef } from '../timeline/index.ts';
import { contentOf } from './posting.ts';
import { type EventRepository, settle } from './settle.ts';

/** What the article ledger holds for the worker, as an update left it. */
export interface ArticleRecord {
  /** How many accounts the article gave (positions 0 … accounts-1), once its events are stored. */
  accounts?: number;
  /** Feeds that carry the article besides the one that queued it, as credit messages named them. */
  credits: FeedRef[];
}

/**
 * The worker's side of the article ledger. Each call is one atomic update of the article's entry that
 * answers with the entry as it left it, so of a credit and the article's own recording, whichever
 * comes second sees the other: the feed is credited whatever the order.
 */
export interface CreditLedger {
  /** The article's events are stored, from `accounts` accounts (the most any version gave is kept). */
  recorded(articleId: string, accounts: number): Promise<ArticleRecord>;
  /** `feed` carries the article too. */
  credit(articleId: string, feed: FeedRef): Promise<ArticleRecord>;
}

/**
 * Credits a feed on every event an article's accounts are in, without extracting the article again:
 * the feed is added to each filed account that lacks it, then the neighbourhood is settled, which
 * re-derives the events holding them (a conflict reads again). Returns how many events it wrote:
 * none when the feed is already there, so a redelivered credit writes nothing.
 */
export async function creditFeed(
  repo: EventRepository,
  articleId: string,
  accounts: number,
  feed: FeedRef,
): Promise<number> {
  const refs = Array.from({ length: accounts }, (_, position) => ({ articleId, position }));
  const filed = await repo.postingsOf(refs);
  if (!filed.length) return 0;
  const credited = filed.map((posting) =>
    posting.feeds.some((f) => f.id === feed.id)
      ? posting
      : { ...contentOf(posting), feeds: [...posting.feeds, { id: feed.id, name: feed.name }] },
  );
  for (const [i, posting] of credited.entries()) if (posting !== filed[i]) await repo.post(posting);
  // Settled even when every account had the feed: a crash after filing it leaves an event to write.
  return (await settle(repo, credited, articleId)).written;
}

export interface CreditOutcome {
  /** Feeds newly credited on the article's events. */
  feeds: number;
  /** Events written. */
  events: number;
  /** The article's events are not stored yet: its own processing credits the feed. */
  pending?: boolean;
}

/**
 * A credit message: `feed` carries an article already queued. Noted on the ledger first; if the
 * article's events are stored the feed is credited on them now, else the article's recording will.
 */
export async function creditArticle(
  repo: EventRepository,
  ledger: CreditLedger,
  articleId: string,
  feed: FeedRef,
): Promise<CreditOutcome> {
  const record = await ledger.credit(articleId, feed);
  if (record.accounts === undefined) return { feeds: 0, events: 0, pending: true };
  const events = await creditFeed(repo, articleId, record.accounts, feed);
  return { feeds: events ? 1 : 0, events };
}

/**
 * After an article is recorded: notes how many accounts it gave, and credits the feeds that credit
 * messages named before its events were stored (or that an edit's new accounts still lack).
 */
export async function creditCarriers(
  repo: EventRepository,
  ledger: CreditLedger,
  article: Article,
  accounts: number,
): Promise<CreditOutcome> {
  const record = await ledger.recorded(article.id, accounts);
  const outcome: CreditOutcome = { feeds: 0, events: 0 };
  for (const feed of record.credits) {
    if (feed.id === article.feedId) continue;
    const events = await creditFeed(repo, article.id, record.accounts ?? accounts, feed);
    outcome.events += events;
    if (events) outcome.feeds++;
  }
  return outcome;
}
