import * as z from 'zod';
import { feedHealth } from '../../lib/feeds/index.ts';
import { CursorCodec, createTimelineApp } from '../../lib/timeline/index.ts';
import { timelineServices } from './services.ts';

/**
 * The timeline's own settings: how stale a listing may be (TIMELINE_STALENESS_MS, also what its
 * Cache-Control allows) and how many bytes of rendered listings an instance keeps.
 */
const TimelineCacheConfigSchema = z.object({
  TIMELINE_STALENESS_MS: z.coerce.number().int().min(0).max(300_000).optional(),
  TIMELINE_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});

export function timelineCacheOptions(env: NodeJS.ProcessEnv = process.env) {
  const parsed = TimelineCacheConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  return { stalenessMs: parsed.data.TIMELINE_STALENESS_MS, maxBytes: parsed.data.TIMELINE_CACHE_BYTES };
}

/**
 * The timeline app wired to DynamoDB; served by Lambda here and by @hono/node-server locally.
 * `cursorSecret` is the key read from Secrets Manager at cold start; without it (locally) the
 * environment's CURSOR_SECRET, or its local default, signs cursors.
 */
export function timelineApp(options: { cursorSecret?: string } = {}) {
  const { events, cursors, logger, feeds, states, config } = timelineServices();
  const health = async () => {
    const configured = feeds();
    const stored = await states.getMany(configured.map((feed) => feed.id));
    return configured.map((feed) => feedHealth(feed, stored.get(feed.id)));
  };
  return createTimelineApp({
    reader: events,
    cursors: options.cursorSecret ? new CursorCodec(options.cursorSecret) : cursors,
    log: logger,
    feeds: { health },
    publicUrl: config.PUBLIC_URL,
    behindEdge: config.BEHIND_EDGE,
    cache: timelineCacheOptions(),
  });
}
