import * as z from 'zod';
import { type Source, SourceSchema } from '../timeline/event.ts';
import { sortDate } from '../timeline/sort-key.ts';

/** Where an account sits: its article and its place among the article's events. */
export type AccountRef = Pick<Source, 'articleId' | 'position'>;

/**
 * An account filed under its own date: the whole account, so that events can be rebuilt from
 * postings alone (accounts are the truth, events are derived from them), with what matching needs
 * besides. Postings filed by older versions lack some fields: they read with defaults, and the
 * table's migration (lib/store/migrate.ts) files them again in full from the events that hold them.
 */
export const PostingSchema = SourceSchema.extend({
  // Postings filed before matching read headlines and outlets have neither, and so never match by story.
  title: SourceSchema.shape.title.default(''),
  url: SourceSchema.shape.url.default(''),
  // Postings filed before they held the whole account (data model v3 and older).
  feedId: SourceSchema.shape.feedId.default(''),
  feedName: SourceSchema.shape.feedName.default(''),
  publishedAt: SourceSchema.shape.publishedAt.default('1970-01-01T00:00:00.000Z'),
  endDate: SourceSchema.shape.endDate.default(null),
  scheduled: SourceSchema.shape.scheduled.default(false),
  topics: SourceSchema.shape.topics.default([]),
  entities: SourceSchema.shape.entities.default({ people: [], places: [], organizations: [] }),
  /**
   * The wordings of the article's other events on this day (day precision): none means it tells
   * one thing that day. Absent on postings filed before it was recorded.
   */
  sameDay: z.array(z.string()).optional(),
  /**
   * Every event id that has held this account, written before the event (see settle in
   * neighbourhood.ts): whoever reads the posting finds each event that may hold it. Not content:
   * filing an account again keeps it.
   */
  heldBy: z.array(z.string()).optional(),
});
export type Posting = z.infer<typeof PostingSchema>;

/**
 * The account filed, with the wordings its article gives the same day when they are known; a field
 * an account lacks stays absent, not undefined.
 */
export function postingOf(account: Source, sameDay?: string[]): Posting {
  // Key by key in the account's order, `sameDay` last unless it has a place already, rather than
  // through a list of entries: every clustering files each of its accounts afresh.
  const fields = account as unknown as Record<string, unknown>;
  const filed: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    const value = key === 'sameDay' ? sameDay : fields[key];
    if (value !== undefined) filed[key] = value;
  }
  if (sameDay !== undefined) filed.sameDay = sameDay;
  return filed as Posting;
}

/** A posting's content: the account and its day's other wordings, without the events that held it. */
export function contentOf({ heldBy, ...posting }: Posting): Posting {
  return posting;
}

/** The account a posting files, as an event holds it. */
export function sourceOf({ sameDay, heldBy, ...account }: Posting): Source {
  return account;
}

/** Postings sort like events, by the first day they can mean, then by account. */
export const postingSortKey = (posting: Pick<Posting, 'date' | 'articleId' | 'position'>) =>
  `${sortDate(posting.date)}#${posting.articleId}#${posting.position}`;
