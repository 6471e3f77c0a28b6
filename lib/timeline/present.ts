import * as z from 'zod';
import { DatePrecisionSchema, EntitiesSchema, isoDate, type Source } from './event.ts';
import { LISTED_SOURCES, type ListedEvent } from './page.ts';

const instant = z.iso.datetime({ offset: true });

/** One article that reported an event, as the public sees it. */
export const PublicSourceSchema = z
  .object({
    url: z.string().meta({ description: "The article's canonical URL." }),
    title: z.string(),
    feedId: z.string(),
    feedName: z.string().meta({ description: 'The outlet, as named in the feeds file.' }),
    feeds: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .meta({ description: 'Every configured feed that carried the article, the one above first.' }),
    publishedAt: instant,
    quote: z
      .string()
      .meta({ description: "The article's own sentence or list item reporting the event, verbatim." }),
    evidence: z.array(z.string()).optional().meta({
      description:
        "The article's other sentences telling the same event, verbatim (a lead, a caption, a repeat); absent when it tells it once.",
    }),
  })
  .meta({ id: 'Source' });

/** An event as the public contract (PRODUCT.md) shows it: storage details such as the version stay inside. */
export const PublicEventSchema = z
  .object({
    id: z.string().meta({ example: 'evt_3f0c9d2b8a41e6f7a9b0c1d2' }),
    date: isoDate.meta({
      description:
        'YYYY-MM-DD, YYYY-MM or YYYY, as precise as the reports agree on; for a week, its Monday (YYYY-MM-DD).',
    }),
    datePrecision: DatePrecisionSchema.meta({
      description: '`week`: an ISO week ("last week"), `date` its Monday and `endDate` its Sunday.',
    }),
    endDate: isoDate.nullable().meta({
      description: 'The last day of a range ("8–10 October") or the Sunday of a week, else null.',
    }),
    dateDisputed: z.boolean().optional().meta({
      description:
        'Some outlet dates it more than a day from `date` (or outside its period). Always sent by this server; optional so clients of earlier versions stay valid.',
    }),
    kind: z.enum(['dated', 'report']).meta({
      description: '`dated`: the text dates it; `report`: the article’s own news, dated by publication.',
    }),
    scheduled: z.boolean().meta({ description: 'Announced for a later date when reported.' }),
    summary: z.string(),
    topics: z.array(z.string()),
    entities: EntitiesSchema,
    firstReportedAt: instant,
    lastReportedAt: instant,
    edited: z.boolean().optional().meta({
      description:
        'An editor corrected it (joined, split, re-dated or re-worded it): not the matcher’s result alone. Always sent by this server; optional so clients of earlier versions stay valid.',
    }),
    editedAt: instant
      .optional()
      .meta({ description: 'When the latest correction to it was made; sent when `edited`.' }),
    sourceCount: z.number().int().positive().meta({ description: 'How many distinct articles reported it.' }),
    sources: z.array(PublicSourceSchema).meta({
      description: `Every distinct article that reported the event, earliest first; past ${LISTED_SOURCES}, only the first ${LISTED_SOURCES} (\`/events/{id}/sources\` pages through all).`,
    }),
  })
  .meta({ id: 'Event' });
export type PublicEvent = z.infer<typeof PublicEventSchema>;

const nextCursor = z
  .string()
  .nullable()
  .meta({ description: 'Pass as `cursor` for the next page; null on the last page.' });

export const TimelinePageSchema = z
  .object({
    events: z.array(PublicEventSchema),
    nextCursor,
  })
  .meta({ id: 'TimelinePage' });

export const SourcePageSchema = z
  .object({
    sources: z.array(PublicSourceSchema),
    nextCursor,
  })
  .meta({ id: 'SourcePage' });
export type SourcePage = z.infer<typeof SourcePageSchema>;

export function presentSource({ url, title, feedId, feedName, feeds, publishedAt, quote, evidence }: Source) {
  return {
    url,
    title,
    feedId,
    feedName,
    feeds: feeds.length ? feeds : [{ id: feedId, name: feedName }],
    publishedAt,
    quote,
    ...(evidence?.length ? { evidence } : {}),
  };
}

export function presentEvent(event: ListedEvent): PublicEvent {
  return {
    id: event.id,
    date: event.date,
    datePrecision: event.datePrecision,
    endDate: event.endDate,
    dateDisputed: event.dateDisputed,
    kind: event.kind,
    scheduled: event.scheduled,
    summary: event.summary,
    topics: event.topics,
    entities: event.entities,
    firstReportedAt: event.firstReportedAt,
    lastReportedAt: event.lastReportedAt,
    edited: event.edited ?? false,
    ...(event.editedAt ? { editedAt: event.editedAt } : {}),
    sourceCount: event.sourceCount ?? event.sources.length,
    sources: event.sources.slice(0, LISTED_SOURCES).map(presentSource),
  };
}
