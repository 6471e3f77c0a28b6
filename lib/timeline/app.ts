import { Hono } from 'hono';
import type { Log } from '../log.ts';
import type { CursorCodec } from './cursor.ts';
import { InvalidCursorError } from './cursor.ts';
import { pageTimeline, type TimelineReader } from './page.ts';
import { presentEvent } from './present.ts';
import { invalidParams, problemResponse } from './problem.ts';
import { TimelineQuerySchema } from './query.ts';

export interface TimelineAppDeps {
  reader: TimelineReader;
  cursors: CursorCodec;
  log?: Log;
}

/** The public timeline API: Web-standard Request/Response only, storage injected, runtime-agnostic. */
export function createTimelineApp({ reader, cursors, log }: TimelineAppDeps) {
  const app = new Hono();

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/timeline', async (c) => {
    const parsed = TimelineQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      return invalidParams(
        parsed.error.issues.map((issue) => ({
          name: String(issue.path[0] ?? 'query'),
          reason: issue.message,
        })),
      );
    }
    try {
      const page = await pageTimeline(reader, cursors, parsed.data);
      return c.json({ events: page.events.map(presentEvent), nextCursor: page.nextCursor });
    } catch (error) {
      if (error instanceof InvalidCursorError)
        return invalidParams([{ name: 'cursor', reason: error.message }]);
      throw error;
    }
  });

  app.notFound((c) =>
    problemResponse({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `no route for ${c.req.method} ${c.req.path}`,
    }),
  );

  app.onError((error, c) => {
    log?.error(`timeline request failed: ${error.message}`, { path: c.req.path });
    return problemResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
  });

  return app;
}
