import * as z from 'zod';

export const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const instant = z.iso.datetime({ offset: true });

/**
 * How precise an event's date is. `week` ("last week") is an ISO week: `date` its Monday and
 * `endDate` its Sunday. Added after day, month and year; stored events keep their meaning.
 */
export const DatePrecisionSchema = z.enum(['day', 'week', 'month', 'year']);

const names = z.array(z.string());
/** People, places and organisations named by the event's accounts. */
export const EntitiesSchema = z.object({ people: names, places: names, organizations: names });

/** A feed as a source credits it: its configured id and name. */
export const FeedRefSchema = z.object({ id: z.string().min(1), name: z.string().min(1) });
export type FeedRef = z.infer<typeof FeedRefSchema>;

/**
 * One article's account of an event: where it was reported (the public part) and what the article
 * said (date, wording, names), from which the event itself is derived.
 */
export const SourceSchema = z.object({
  articleId: z.string(),
  url: z.string(),
  /**
   * The host of the site that published it, when the feed credits one apart from the link (an
   * aggregator's `<source url>`); otherwise the link's host is the site.
   */
  site: z.string().optional(),
  title: z.string(),
  feedId: z.string(),
  feedName: z.string(),
  publishedAt: instant,
  quote: z.string(),
  /**
   * The article's other sentences telling the same event (a headline's lead, a caption, a repeat),
   * verbatim: the article tells the event once, quoted by its best sentence, and these say where else.
   */
  evidence: z.array(z.string()).optional(),
  /** Every feed that carried the article, the first (feedId) included. */
  feeds: z.array(FeedRefSchema).default([]),
  /** Which of the article's events this is, in extraction order: one source per article per event. */
  position: z.number().int().nonnegative(),
  kind: z.enum(['dated', 'report']),
  /** A report whose lead sentence dates the news (lib/extraction): the text dates it. */
  datedByLead: z.boolean().optional(),
  date: isoDate,
  datePrecision: DatePrecisionSchema,
  endDate: isoDate.nullable(),
  scheduled: z.boolean(),
  summary: z.string(),
  topics: z.array(z.string()),
  entities: EntitiesSchema,
});
export type Source = z.infer<typeof SourceSchema>;

/** A timeline entry: one real-world event with every article that reported it. */
export const TimelineEventSchema = z.object({
  id: z.string().regex(/^evt_[0-9a-f]+$/),
  date: isoDate,
  datePrecision: DatePrecisionSchema,
  endDate: isoDate.nullable(),
  /** Some independent site dates it beyond the time-zone day (lib/dedup/cluster-date.ts); absent before that rule. */
  dateDisputed: z.boolean().default(false),
  kind: z.enum(['dated', 'report']),
  scheduled: z.boolean().default(false),
  summary: z.string().min(1),
  topics: z.array(z.string()),
  entities: EntitiesSchema.default({ people: [], places: [], organizations: [] }),
  firstReportedAt: instant,
  lastReportedAt: instant,
  /** One per article that reported it (its earliest account): what the public sees. */
  sources: z.array(SourceSchema).min(1),
  /** Every account of it, several per article when an article tells it twice: what matching compares. */
  accounts: z.array(SourceSchema).min(1),
  /** An editor's correction (lib/corrections) shapes it; absent on what the machine alone made. */
  edited: z.boolean().optional(),
  /** When the latest correction in force that touches it was made. */
  editedAt: instant.optional(),
  /** An editor marked it "not an event": kept, so the correction can be undone, but never shown. */
  hidden: z.boolean().optional(),
  /** Optimistic-lock counter: every write must name the version it read. */
  version: z.number().int().nonnegative(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
