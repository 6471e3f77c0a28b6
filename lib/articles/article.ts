import * as z from 'zod';

import { MAX_ARTICLE_BYTES } from './trim.ts';

/** A news article as the poller found it in a feed: the unit of work for the worker. */
export const ArticleSchema = z.object({
  id: z.string().regex(/^art_[0-9a-f]{32}$/),
  feedId: z.string().min(1),
  feedName: z.string().min(1),
  url: z.string().min(1),
  /** Where an aggregator feed says the article comes from (RSS `<source url>`), if it says. */
  originUrl: z.string().optional(),
  title: z.string(),
  publishedAt: z.iso.datetime({ offset: true }),
  /**
   * The UTC offset the feed wrote the date in (minutes east of UTC), when it gave one: the newsroom's
   * calendar day, against which its "yesterday" and "on Sunday" are read.
   */
  utcOffsetMinutes: z.number().int().min(-840).max(840).optional(),
  html: z
    .string()
    .refine((html) => Buffer.byteLength(html) <= MAX_ARTICLE_BYTES, 'is longer than a queue message allows'),
  /** The HTML was cut at a sentence boundary to fit the queue message. */
  trimmed: z.boolean().default(false),
  topics: z.array(z.string()).default([]),
  language: z.string().optional(),
  /** Whether the worker reads the article's page: the feed's `fullText` setting. */
  fullText: z.enum(['auto', 'always', 'never']).default('never'),
  /** A hash of what the feed said, so an edited article is noticed and processed again. */
  contentHash: z.string(),
});
export type Article = z.infer<typeof ArticleSchema>;
