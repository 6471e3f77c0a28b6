import { z } from 'zod';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
      new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    'is not a calendar date',
  );

/** The public timeline's query string, as the contract in PRODUCT.md defines it. */
export const TimelineQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    topic: z.string().trim().toLowerCase().min(1).max(100).optional(),
    feed: z.string().trim().min(1).max(100).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce
      .number({ message: 'must be a whole number from 1 to 200' })
      .int('must be a whole number from 1 to 200')
      .min(1, 'must be at least 1')
      .max(200, 'must be at most 200')
      .default(50),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'must not be before from',
  });
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;
