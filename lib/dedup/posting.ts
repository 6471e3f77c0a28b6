import * as z from 'zod';
import { type Source, SourceSchema } from '../timeline/event.ts';
import { sortDate } from '../timeline/sort-key.ts';

/**
 * An account filed under its own date: what matching needs of it, so a new account finds every
 * earlier account its date is compatible with, wherever the event that holds it has moved.
 */
export const PostingSchema = SourceSchema.pick({
  articleId: true,
  position: true,
  site: true,
  kind: true,
  summary: true,
  quote: true,
  date: true,
  datePrecision: true,
}).extend({
  // Postings filed before matching read headlines and outlets have neither, and so never match by story.
  title: SourceSchema.shape.title.default(''),
  url: SourceSchema.shape.url.default(''),
  /**
   * The wordings of the article's other events on this day (day precision): none means it tells
   * one thing that day. Absent on postings filed before it was recorded.
   */
  sameDay: z.array(z.string()).optional(),
});
export type Posting = z.infer<typeof PostingSchema>;

const FIELDS = Object.keys(PostingSchema.shape) as Array<keyof Posting>;

/**
 * The part of an account that is filed, with the wordings its article gives the same day when they
 * are known; a field an older account lacks stays absent, not undefined.
 */
export function postingOf(account: Source, sameDay?: string[]): Posting {
  const filed = { ...account, sameDay } as Partial<Posting>;
  return Object.fromEntries(
    FIELDS.filter((field) => filed[field] !== undefined).map((field) => [field, filed[field]]),
  ) as Posting;
}

/** Postings sort like events, by the first day they can mean, then by account. */
export const postingSortKey = (posting: Posting) =>
  `${sortDate(posting.date)}#${posting.articleId}#${posting.position}`;
