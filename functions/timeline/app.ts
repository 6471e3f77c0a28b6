import { feedHealth } from '../../lib/feeds/index.ts';
import { services } from '../../lib/runtime/index.ts';
import { createTimelineApp } from '../../lib/timeline/index.ts';

/** The timeline app wired to DynamoDB; served by Lambda here and by @hono/node-server locally. */
export function timelineApp() {
  const { events, cursors, logger, feeds, states } = services();
  const health = async () => {
    const configured = feeds();
    const stored = await states.getMany(configured.map((feed) => feed.id));
    return configured.map((feed) => feedHealth(feed, stored.get(feed.id)));
  };
  return createTimelineApp({ reader: events, cursors, log: logger, feeds: { health } });
}
