import * as z from 'zod';
import { LANGUAGE_TAG } from './language.ts';

const DURATION = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "10m" → 600000. Feeds are never polled more often than once a minute. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration like 30s, 10m, 2h or 1d`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

export const duration = z.string().refine((text) => DURATION.test(text.trim()), {
  message: 'must be a duration like 30s, 10m, 2h or 1d',
});

export const fullTextMode = z.enum(['auto', 'always', 'never']);

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

export const FeedSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a slug of a-z, 0-9 and -'),
  name: z.string().trim().min(1),
  url: httpUrl,
  topics: z.array(z.string().trim().toLowerCase().min(1)).default([]),
  language: z.string().regex(LANGUAGE_TAG, 'must be a BCP 47 tag like en or uk-UA').optional(),
  pollEvery: duration.optional(),
  fullText: fullTextMode.optional(),
  enabled: z.boolean().default(true),
});

/** A feed with its defaults applied: what the rest of Dateline works with, and what a poll job carries. */
export const ResolvedFeedSchema = FeedSchema.omit({ pollEvery: true, fullText: true }).extend({
  pollEveryMs: z.number().int().positive(),
  /** Whether ops set pollEvery for this feed; if not, its observed rhythm may. */
  pollEveryConfigured: z.boolean(),
  fullText: fullTextMode,
});
export type Feed = z.infer<typeof ResolvedFeedSchema>;
