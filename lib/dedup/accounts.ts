import type { Article } from '../articles/index.ts';
import { type ExtractedEvent, topicSlug } from '../extraction/index.ts';
import type { Source } from '../timeline/index.ts';
import { siteOf, wordingOf } from './wording.ts';

/** One account of an article, with the wordings of the article's other events on its day. */
export interface ArticleAccount {
  account: Source;
  sameDay: string[];
}

/**
 * A posting's other wordings of its day are bounded, so a hostile article (thousands of items on one
 * day, sentences without end) cannot push its postings past DynamoDB's item size; the cut is a
 * function of the article, so matching stays independent of arrival order.
 */
const SAME_DAY_WORDINGS = 50;
const WORDING_CHARS = 500;

/** An account keeps this many of its article's other tellings, each cut like a same-day wording. */
const EVIDENCE_SENTENCES = 5;

const evidenceOf = ({ evidence }: ExtractedEvent) =>
  evidence?.length
    ? { evidence: evidence.slice(0, EVIDENCE_SENTENCES).map((quote) => quote.slice(0, WORDING_CHARS)) }
    : {};

/** The article's extracted events as its accounts, each with what else the article says of its day. */
export const accountsOf = (article: Article, mentions: ExtractedEvent[]): ArticleAccount[] =>
  withSameDay(mentions.map((mention, position) => accountOf(article, mention, position)));

/** One article's accounts, each with the wordings of the others that share its day. */
export function withSameDay(accounts: Source[]): ArticleAccount[] {
  const dayOf = (account: Source) => (account.datePrecision === 'day' ? account.date : undefined);
  return accounts.map((account) => ({
    account,
    sameDay: accounts
      .filter((other) => other !== account && dayOf(account) && dayOf(other) === dayOf(account))
      .slice(0, SAME_DAY_WORDINGS)
      .map((other) => wordingOf(other).slice(0, WORDING_CHARS)),
  }));
}

/** An extracted event as this article's account of it. */
function accountOf(article: Article, mention: ExtractedEvent, position: number): Source {
  return {
    articleId: article.id,
    url: article.url,
    ...(article.originUrl ? { site: siteOf(article.originUrl) } : {}),
    title: article.title,
    feedId: article.feedId,
    feedName: article.feedName,
    publishedAt: article.publishedAt,
    quote: mention.quote,
    ...evidenceOf(mention),
    feeds: [{ id: article.feedId, name: article.feedName }],
    position,
    kind: mention.kind,
    ...(mention.datedByLead ? { datedByLead: true } : {}),
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
