import * as z from 'zod';

const instant = z.iso.datetime({ offset: true });

/** One feed's health as the public sees it: what ops configured, and how polling it is going. */
export const FeedHealthSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    site: z.string().nullable().meta({
      description:
        'The host the feed is polled from now (a permanent redirect moves it); never the full URL, whose query may hold a token.',
      example: 'euromaidanpress.com',
    }),
    enabled: z.boolean(),
    status: z.enum(['ok', 'failing', 'unhealthy', 'new', 'disabled']),
    lastPolledAt: instant.nullable(),
    lastStatus: z.number().int().nullable(),
    items: z.number().int().nullable(),
    consecutiveFailures: z.number().int(),
    lastError: z.string().nullable().meta({
      description:
        'Why the last poll failed, as a category: `timeout`, `http-404` (any status), `parse-error`, `not-a-feed`, `unsupported-format`, `budget-exceeded`, `unsafe-address`, `too-large`, `too-many-redirects`, `invalid-url`, `decode-error`, `dns-error`, `network-error`, `invalid-state`, `internal-error` (or `error`, recorded before categories).',
      example: 'http-404',
    }),
    warnings: z.array(z.string()).meta({
      description:
        'What the last full fetch carried that was bounded or left for later: `cache-hint-clamped`, `retry-after-clamped`, `item-dates-out-of-range`, `entries-capped`.',
    }),
    lastNewItemAt: instant.nullable(),
    nextPollAt: instant.nullable(),
  })
  .meta({ id: 'FeedHealth' });
export type FeedHealth = z.infer<typeof FeedHealthSchema>;

/** Where the app reads feed health from: the configured feeds joined with their polling state. */
export interface FeedHealthReader {
  health(): Promise<FeedHealth[]>;
}
