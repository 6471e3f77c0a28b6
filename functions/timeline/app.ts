import { services } from '../../lib/runtime/index.ts';
import { createTimelineApp } from '../../lib/timeline/index.ts';

/** The timeline app wired to DynamoDB; served by Lambda here and by @hono/node-server locally. */
export function timelineApp() {
  const { events, cursors, logger } = services();
  return createTimelineApp({ reader: events, cursors, log: logger });
}
