import { feedHealth } from '../../lib/feeds/index.ts';
import { services } from '../../lib/runtime/index.ts';
import { CursorCodec, createTimelineApp } from '../../lib/timeline/index.ts';

/**
 * The timeline app wired to DynamoDB; served by Lambda here and by @hono/node-server locally.
 * `cursorSecret` is the key read from Secrets Manager at cold start; without it (locally) the
 * environment's CURSOR_SECRET, or its local default, signs cursors.
 */
export function timelineApp(options: { cursorSecret?: string } = {}) {
  const { events, cursors, logger, feeds, states, config } = services();
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
  });
}
