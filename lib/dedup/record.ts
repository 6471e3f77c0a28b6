import type { Article } from '../articles/index.ts';
import { eventsOf } from '../extraction/index.ts';
import type { Source } from '../timeline/index.ts';
import { type ArticleAccount, accountsOf } from './accounts.ts';
import { accountKey } from './cluster.ts';
import { mergeAccounts } from './derive.ts';
import { sameValue } from './plan.ts';
import { contentOf, type Posting, postingOf, sourceOf } from './posting.ts';
import { type EventRepository, settle } from './settle.ts';

export type Outcome = 'created' | 'merged' | 'unchanged';

/**
 * The accounts as they are to be filed: an account filed before keeps the feeds credited to it (an
 * edit replaces its text, not who carried it).
 */
async function filedForm(
  repo: EventRepository,
  accounts: ArticleAccount[],
): Promise<{ postings: Posting[]; filed: Map<string, Posting> }> {
  const fresh = accounts.map(({ account, sameDay }) => ({ account, sameDay }));
  const filed = new Map((await repo.postingsOf(fresh.map((f) => f.account))).map((p) => [accountKey(p), p]));
  const postings = fresh.map(({ account, sameDay }) => {
    const kept = filed.get(accountKey(account));
    const merged = kept ? (mergeAccounts([sourceOf(kept), account])[0] as Source) : account;
    return postingOf(merged, sameDay);
  });
  return { postings, filed };
}

/**
 * Records accounts of one article: files each (a put, skipped when the same account is filed
 * already), then settles the events of their neighbourhood from the accounts there. Idempotent: a
 * redelivery files nothing new and writes only what a crash left undone.
 */
export async function recordAccounts(repo: EventRepository, accounts: ArticleAccount[]): Promise<Outcome[]> {
  if (!accounts.length) return [];
  const { postings, filed } = await filedForm(repo, accounts);
  let filing = 0;
  for (const posting of postings) {
    const kept = filed.get(accountKey(posting));
    if (kept && sameValue(contentOf(kept), posting)) continue;
    await repo.post(posting);
    filing++;
  }
  const settled = await settle(repo, postings, (postings[0] as Posting).articleId);
  // A redelivery that finds everything written: the crash it follows may have come between a write
  // and the timeline version's move, which filing an account makes (see DynamoEventStore), so one
  // account is filed again and readers' caches learn of the write they may have missed.
  if (!filing && !settled.written && !settled.retired) await repo.post(postings[0] as Posting);
  return postings.map((posting) => {
    if (!settled.written && !settled.retired) return 'unchanged';
    const event = settled.events.find((e) => e.accounts.some((a) => accountKey(a) === accountKey(posting)));
    return event?.accounts.every((a) => a.articleId === posting.articleId) ? 'created' : 'merged';
  });
}

/** One account, with the wordings its article gives the same day: for tests and tools. */
export async function recordAccount(
  repo: EventRepository,
  account: Source,
  sameDay?: string[],
): Promise<Outcome> {
  const [outcome] = await recordAccounts(repo, [{ account, sameDay: sameDay as string[] }]);
  return outcome as Outcome;
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
  for (const result of await recordAccounts(repo, accountsOf(article, mentions))) outcome[result]++;
  return outcome;
}
