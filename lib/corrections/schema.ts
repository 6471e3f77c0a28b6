import * as z from 'zod';
import { DatePrecisionSchema, isoDate } from '../timeline/event.ts';

const instant = z.iso.datetime({ offset: true });
/** An account as clustering names it: `articleId#position`. */
const accountKey = z.string().regex(/^.+#\d+$/, 'must be articleId#position');
const keys = z.array(accountKey).min(1);

/** Who made a correction, when and why: the audit trail every verb carries. */
const Provenance = z.object({
  id: z.string().regex(/^cor_[0-9a-z]+$/),
  at: instant,
  by: z.string().min(1),
  why: z.string().min(1),
  /** The event ids the editor named, as the public API showed them then: for the log, not for matching. */
  events: z.array(z.string()).default([]),
});

/**
 * One editor's correction. It names accounts, never event ids: events are derived from accounts and
 * their ids move as accounts arrive, while an account's key never changes, so a correction keeps
 * meaning the same thing through every later article and re-clustering.
 */
export const CorrectionSchema = z.discriminatedUnion('verb', [
  /** These accounts are one event (the accounts of the events merged, as they stood). */
  Provenance.extend({ verb: z.literal('merge'), accounts: keys.min(2) }),
  /** `accounts` are not the same event as `rest` (the event's other accounts, as it stood). */
  Provenance.extend({ verb: z.literal('split'), accounts: keys, rest: keys }),
  /** Not an event: any event holding one of these accounts is kept but hidden from the public. */
  Provenance.extend({ verb: z.literal('hide'), accounts: keys }),
  /** The event holding `accounts[0]` (the event's earliest account) has this date or summary. */
  Provenance.extend({
    verb: z.literal('set'),
    accounts: keys,
    date: isoDate.optional(),
    datePrecision: DatePrecisionSchema.optional(),
    summary: z.string().min(1).optional(),
  })
    .refine((c) => c.date !== undefined || c.summary !== undefined, 'set needs a date or a summary')
    .refine(
      (c) => (c.date === undefined) === (c.datePrecision === undefined),
      'date and datePrecision go together',
    ),
  /** Withdraws an earlier correction; corrections are never edited or deleted, so the log stays whole. */
  Provenance.extend({ verb: z.literal('undo'), undoes: z.string().regex(/^cor_[0-9a-z]+$/) }),
]);
export type Correction = z.infer<typeof CorrectionSchema>;
export type Verb = Correction['verb'];
