import type { z } from 'zod';
import { type Source, SourceSchema, sortDate } from '../timeline/index.ts';

/**
 * An account filed under its own date: what matching needs of it, so a new account finds every
 * earlier account its date is compatible with, wherever the event that holds it has moved.
 */
export const PostingSchema = SourceSchema.pick({
  articleId: true,
  position: true,
  sameDayAccounts: true,
  kind: true,
  summary: true,
  quote: true,
  date: true,
  datePrecision: true,
}).extend({
  // Postings filed before matching read headlines and outlets have neither, and so never match by story.
  title: SourceSchema.shape.title.default(''),
  url: SourceSchema.shape.url.default(''),
});
export type Posting = z.infer<typeof PostingSchema>;

const FIELDS = Object.keys(PostingSchema.shape) as Array<keyof Posting>;

/** The part of an account that is filed; a field an older account lacks stays absent, not undefined. */
export const postingOf = (account: Source): Posting =>
  Object.fromEntries(
    FIELDS.filter((field) => account[field] !== undefined).map((field) => [field, account[field]]),
  ) as Posting;

/** Postings sort like events, by the first day they can mean, then by account. */
export const postingSortKey = (posting: Posting) =>
  `${sortDate(posting.date)}#${posting.articleId}#${posting.position}`;
