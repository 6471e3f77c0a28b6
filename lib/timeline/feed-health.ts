import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });

/** One feed's health as the public sees it: what ops configured, and how polling it is going. */
export const FeedHealthSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string().meta({ description: 'Where the feed is polled now (a permanent redirect moves it).' }),
    enabled: z.boolean(),
    status: z.enum(['ok', 'failing', 'unhealthy', 'new', 'disabled']),
    lastPolledAt: instant.nullable(),
    lastStatus: z.number().int().nullable(),
    items: z.number().int().nullable(),
    consecutiveFailures: z.number().int(),
    lastError: z.string().nullable(),
    lastNewItemAt: instant.nullable(),
    nextPollAt: instant.nullable(),
  })
  .meta({ id: 'FeedHealth' });
export type FeedHealth = z.infer<typeof FeedHealthSchema>;

/** Where the app reads feed health from: the configured feeds joined with their polling state. */
export interface FeedHealthReader {
  health(): Promise<FeedHealth[]>;
}
