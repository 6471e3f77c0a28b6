import * as z from 'zod';
import { CorrectionSchema } from '../corrections/index.ts';
import { DatePrecisionSchema, EventIdSchema, isoDate, type TimelineEvent } from '../timeline/index.ts';

/**
 * The bodies of the admin API's verbs: what `npm run edit` takes on its command line, as JSON. Each
 * is strict, so a misspelt field is refused rather than ignored (an edit that silently did less).
 */
const who = {
  by: z.string().min(1).max(200).meta({ description: 'Who makes the correction (kept in the log).' }),
  why: z.string().min(1).max(2000).meta({ description: 'Why (kept in the log).' }),
};
const eventId = EventIdSchema.meta({ description: 'An event id as the public API shows it.' });

export const MergeBodySchema = z
  .object({ events: z.array(eventId).min(2).max(50), ...who })
  .strict()
  .meta({ id: 'MergeRequest', description: 'These events are one.' });

export const SplitBodySchema = z
  .object({
    event: eventId,
    urls: z
      .array(z.string().min(1).max(2000))
      .min(1)
      .max(200)
      .meta({ description: "The sources' URLs to split out, as GET /events/{id} lists them." }),
    ...who,
  })
  .strict()
  .meta({ id: 'SplitRequest', description: 'These sources are a different event from the rest.' });

export const HideBodySchema = z
  .object({ event: eventId, ...who })
  .strict()
  .meta({ id: 'HideRequest', description: 'Not an event: kept in storage, gone from the public timeline.' });

export const SetBodySchema = z
  .object({
    event: eventId,
    date: isoDate.optional(),
    datePrecision: DatePrecisionSchema.optional(),
    summary: z.string().min(1).max(1000).optional(),
    ...who,
  })
  .strict()
  .meta({ id: 'SetRequest', description: 'A date (with its precision) or a summary, or both.' });

export const UndoBodySchema = z
  .object({ correction: z.string().regex(/^cor_[0-9a-z]+$/, 'must be a correction id (cor_…)'), ...who })
  .strict()
  .meta({ id: 'UndoRequest', description: "Withdraws a correction: the machine's result returns." });

/** An event a correction settled, as an editor checks it: hidden ones included. */
export const EditedEventSchema = z
  .object({
    id: z.string(),
    date: isoDate,
    datePrecision: DatePrecisionSchema,
    summary: z.string(),
    sourceCount: z.number().int().nonnegative(),
    hidden: z.boolean(),
    edited: z.boolean(),
  })
  .meta({ id: 'EditedEvent' });
export type EditedEvent = z.infer<typeof EditedEventSchema>;

export const EditResultSchema = z
  .object({ correction: CorrectionSchema, events: z.array(EditedEventSchema) })
  .meta({ id: 'EditResult' });
export type EditResult = z.infer<typeof EditResultSchema>;

export const CorrectionLogSchema = z
  .object({ corrections: z.array(CorrectionSchema) })
  .meta({ id: 'CorrectionLog', description: 'Every correction and undo, oldest first.' });

export function editedEventOf(event: TimelineEvent): EditedEvent {
  return {
    id: event.id,
    date: event.date,
    datePrecision: event.datePrecision,
    summary: event.summary,
    sourceCount: event.sources.length,
    hidden: event.hidden === true,
    edited: event.edited === true,
  };
}
