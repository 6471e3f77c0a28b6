import * as z from 'zod';
import { type PublicEvent, PublicEventSchema, TimelinePageSchema } from '../../lib/timeline/index.ts';
import { launch } from '../support/cli.ts';

/** The contract's `GET /events/{id}/sources` page (PRODUCT.md), for events whose listing is capped. */
const SourcesPageSchema = z.object({
  sources: PublicEventSchema.shape.sources,
  nextCursor: z.string().nullable(),
});

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return schema.parse(await response.json());
}

/** Every source of an event: a listing may carry only the first ones, `/events/{id}/sources` the rest. */
async function allSources(base: string, event: PublicEvent): Promise<PublicEvent['sources']> {
  if (event.sourceCount <= event.sources.length) return event.sources;
  const sources: PublicEvent['sources'] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const page: z.infer<typeof SourcesPageSchema> = await getJson(
      `${base}/events/${event.id}/sources${query}`,
      SourcesPageSchema,
    );
    sources.push(...page.sources);
    cursor = page.nextCursor;
  }
  return sources;
}

/** GET /timeline from the oldest event on, following nextCursor to the end, each event with all its sources. */
export async function readTimeline(base: string): Promise<PublicEvent[]> {
  const events: PublicEvent[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const query = `order=asc&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: z.infer<typeof TimelinePageSchema> = await getJson(
      `${base}/timeline?${query}`,
      TimelinePageSchema,
    );
    for (const event of page.events) events.push({ ...event, sources: await allSources(base, event) });
    cursor = page.nextCursor;
  }
  return events;
}

/** `npm start` (the script given) on a data folder until `use` is done with its timeline; then Ctrl-C. */
export async function withServedTimeline<T>(
  script: string,
  args: string[],
  use: (base: string) => Promise<T>,
): Promise<T> {
  const child = launch(script, [...args, '--port', '0']);
  let output = '';
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /timeline on http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(match[1] as string);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    closed.then(() => reject(new Error(`npm start exited before serving:\n${output}`)));
  });
  try {
    return await use(`http://127.0.0.1:${port}`);
  } finally {
    // Ctrl-C reaches a terminal's whole process group, not one process.
    process.kill(-(child.pid as number), 'SIGINT');
    await closed;
  }
}
