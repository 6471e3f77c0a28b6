import { createHash } from 'node:crypto';
import { isTextDated } from '../extraction/index.ts';
import type { FeedRef, Source, TimelineEvent } from '../timeline/index.ts';
import { eventDate } from './cluster-date.ts';
import { similarity } from './similarity.ts';
import { wordingOf } from './wording.ts';

/** Earliest publication first, then article and position: a total order that ignores arrival. */
export function bySourceOrder(a: Source, b: Source): number {
  return (
    a.publishedAt.localeCompare(b.publishedAt) ||
    a.articleId.localeCompare(b.articleId) ||
    a.position - b.position
  );
}

/** The id an account would give an event of its own; an event takes the smallest of its accounts'. */
export function accountId(source: Pick<Source, 'articleId' | 'position'>): string {
  return `evt_${createHash('sha256').update(`${source.articleId}#${source.position}`).digest('hex').slice(0, 24)}`;
}

/** The value most accounts give; a tie goes to the earliest in sort order. */
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0];
}

/**
 * The event's date by eventDate's rule (the most precise date most independent sites support; a
 * coarser account never overwrites a finer one), with the end most accounts of that date give. No
 * end is an answer too, and wins a tie: one outlet's "over the weekend" beside five that give the
 * Saturday does not make the Saturday's event a weekend.
 */
function agreedDate(
  sources: Source[],
): Pick<TimelineEvent, 'date' | 'datePrecision' | 'endDate' | 'dateDisputed'> {
  const { date, datePrecision, dateDisputed } = eventDate(sources);
  const ofDate = sources.filter((s) => s.date === date && s.datePrecision === datePrecision);
  return {
    date,
    datePrecision,
    endDate: mostCommon(ofDate.map((s) => s.endDate ?? '')) || null,
    dateDisputed,
  };
}

/**
 * The representative wording: the account that agrees most with all the others (the medoid), so the
 * most-told phrasing wins and an outlier does not; the earliest report breaks a tie. Scored once per
 * distinct wording, weighted by how many accounts use it: a wire story's thousand identical copies
 * cost one comparison, not a million.
 */
function representative(sources: Source[]): Source {
  const copies = new Map<string, { first: Source; count: number }>();
  for (const source of sources) {
    const wording = wordingOf(source);
    const seen = copies.get(wording);
    if (seen) seen.count++;
    else copies.set(wording, { first: source, count: 1 });
  }
  let best = sources[0] as Source;
  let bestScore = -1;
  for (const [wording, { first }] of copies) {
    let score = -similarity(first, first);
    for (const [other, { first: otherFirst, count }] of copies)
      score += count * (other === wording ? similarity(first, first) : similarity(first, otherFirst));
    if (score > bestScore || (score === bestScore && bySourceOrder(first, best) < 0)) {
      best = first;
      bestScore = score;
    }
  }
  return best;
}

const union = (lists: string[][]) => [...new Set(lists.flat())].sort();

/**
 * An event is a function of its accounts alone, so the same accounts give the same event whatever
 * order they arrived in: date by agreement, summary by representativeness, topics and names by union.
 */
export function deriveEvent(id: string, accounts: Source[], version: number): TimelineEvent {
  const sources = onePerArticle(accounts);
  const dated = sources.filter(isTextDated);
  const summarySource = representative(dated.length ? dated : sources);
  return {
    id,
    ...agreedDate(sources),
    kind: dated.length ? 'dated' : 'report',
    scheduled: dated.length > 0 && dated.every((s) => s.scheduled),
    summary: summarySource.summary,
    topics: union(sources.map((s) => s.topics)),
    entities: {
      people: union(sources.map((s) => s.entities.people)),
      places: union(sources.map((s) => s.entities.places)),
      organizations: union(sources.map((s) => s.entities.organizations)),
    },
    firstReportedAt: (sources[0] as Source).publishedAt,
    lastReportedAt: sources
      .map((s) => s.publishedAt)
      .sort()
      .at(-1) as string,
    sources,
    accounts: [...accounts].sort(bySourceOrder),
    version,
  };
}

/**
 * One source per article: an article telling the same event twice (a lead and a timeline item) is
 * one source, its earlier account. Every account stays on the event for matching, so what links to
 * it never depends on which of an article's accounts arrived first.
 */
export function onePerArticle(accounts: Source[]): Source[] {
  const byArticle = new Map<string, Source[]>();
  for (const account of accounts)
    byArticle.set(account.articleId, [...(byArticle.get(account.articleId) ?? []), account]);
  return [...byArticle.values()].map(oneSourceOf).sort(bySourceOrder);
}

/** An article's accounts of one event as one source: its earlier account, the others' sentences its evidence. */
function oneSourceOf(tellings: Source[]): Source {
  const [kept, ...others] = [...tellings].sort((a, b) => a.position - b.position) as [Source, ...Source[]];
  if (!others.length) return kept;
  const said = [kept, ...others].flatMap((t) => [t.quote, ...(t.evidence ?? [])]);
  const evidence = [...new Set(said)].filter((quote) => quote !== kept.quote);
  return evidence.length ? { ...kept, evidence } : kept;
}

/**
 * Accounts put together: the same account again replaces the old one, so an edited article updates
 * its quote; the feeds that carried it add up, and the first one stays the one it is credited to.
 */
export function mergeAccounts(accounts: Source[]): Source[] {
  const byAccount = new Map<string, Source>();
  for (const account of accounts) {
    const key = `${account.articleId}#${account.position}`;
    const kept = byAccount.get(key);
    if (!kept) {
      byAccount.set(key, account);
      continue;
    }
    const feeds = [...kept.feeds, ...account.feeds.filter((f) => !kept.feeds.some((k) => k.id === f.id))];
    byAccount.set(key, { ...account, feedId: kept.feedId, feedName: kept.feedName, feeds });
  }
  return [...byAccount.values()].sort(bySourceOrder);
}

/**
 * The accounts with `feed` added to every account of one article that lacks it, after the feeds it
 * already has; undefined when each of them already credits it (nothing to write).
 */
export function withFeed(accounts: Source[], articleId: string, feed: FeedRef): Source[] | undefined {
  const lacking = (account: Source) =>
    account.articleId === articleId && !account.feeds.some((f) => f.id === feed.id);
  if (!accounts.some(lacking)) return undefined;
  return accounts.map((account) =>
    lacking(account) ? { ...account, feeds: [...account.feeds, { id: feed.id, name: feed.name }] } : account,
  );
}
