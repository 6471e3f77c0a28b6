import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import {
  CursorCodec,
  createTimelineApp,
  describeDate,
  PublicEventSchema,
  type TimelineEvent,
} from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { hasChromium, launchChromium, serveOnLoopback } from '../support/browser.ts';
import { workspace } from '../support/local.ts';

const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
/** What chromium sends when a person opens a link. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const OUTLETS = ['Harbour News', 'Wire Desk', 'Coast Radio', 'Valley Herald', 'Morning Post', 'City Desk'];
const PLACES = ['Northport', 'Eastbridge', 'Lowmoor', 'Saltmarsh'];

/** Local news of the kind feeds carry, one template a day in turn: what happened, and its topic. */
const NEWS: Array<[(place: string, i: number) => string, string]> = [
  [
    (place, i) => `The council of ${place} approved plan ${i} to rebuild the flood wall along the river`,
    'flooding',
  ],
  [
    (place, i) => `Ferries between ${place} and the islands resumed after ${(i % 5) + 2} days of storms`,
    'transport',
  ],
  [(place, i) => `${place} hospital opened an emergency wing with ${20 + i} beds`, 'health'],
  [(place) => `Dock workers in ${place} ended their strike over night-shift pay`, 'labour'],
  [(place) => `The ${place} bypass closed for resurfacing until the end of the month`, 'roads'],
];

/**
 * A day's event as outlets report it, sized like real coverage: a one-line summary, headlines and
 * quoted sentences of ordinary length; one event in ten reported by six outlets, one in four by three.
 */
function dayOfNews(i: number): TimelineEvent {
  // News gathers pace: the days fill up towards the end of the hundred days covered.
  const day = new Date(Date.UTC(2024, 7, 1 + Math.round(100 * Math.sqrt(i / 50)))).toISOString().slice(0, 10);
  const place = PLACES[i % PLACES.length] as string;
  const [write, topic] = NEWS[i % NEWS.length] as (typeof NEWS)[number];
  const summary = write(place, i);
  const outlets = i % 10 === 0 ? 6 : i % 4 === 0 ? 3 : 1;
  const accounts = OUTLETS.slice(0, outlets).map((feedName, k) => {
    const feedId = feedName.toLowerCase().replace(/\W+/g, '-');
    return anAccount(i * 10 + k, {
      date: day,
      summary,
      feedId,
      feedName,
      url: `https://${feedId}.example/local/2024/${topic}-${place.toLowerCase()}-${i}`,
      title: `${place} news: ${summary}`,
      quote: `On ${describeDate(day)}, ${summary.replace(/^The /, 'the ')}, officials told reporters outside the town hall.`,
      publishedAt: `${day}T1${k}:30:00.000Z`,
      topics: [topic, place.toLowerCase()],
      entities: { people: ['Mara Olsen'], places: [place], organizations: [`${place} Council`] },
    });
  });
  return anEvent(...accounts);
}

const events = Array.from({ length: 50 }, (_, i) => dayOfNews(i));
const widelyReported = events[10] as TimelineEvent;
/** Reported apart, then found to be the same event as `widelyReported`: its id now points there. */
const merged = anEvent(
  anAccount(9_001, { date: widelyReported.date, summary: 'Flood wall plan passes', feedId: 'late-wire' }),
);

describe.skipIf(!hasChromium)('the event page and a full page of events, in chromium', () => {
  let stack: LocalStack;
  let server: Awaited<ReturnType<typeof serveOnLoopback>>;
  let browser: Browser;
  let app: ReturnType<typeof createTimelineApp>;
  const get = (path: string, accept?: string) =>
    app.request(path, { headers: accept === undefined ? {} : { accept } });

  beforeAll(async () => {
    stack = await startLocalStack(workspace('dateline-event-page-').options);
    const store = new DynamoEventStore(stack.dynamo, 'dateline');
    for (const event of [...events, merged]) expect(await store.create(event)).toBe(true);
    expect(await store.absorb(merged, widelyReported.id)).toBe(true);
    app = createTimelineApp({ reader: store, cursors: new CursorCodec('a-test-secret-of-16+') });
    server = await serveOnLoopback(app.fetch);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await stack?.stop();
  });

  it('answers API clients with JSON: no Accept, */*, application/json', async () => {
    for (const accept of [undefined, '*/*', 'application/json']) {
      const response = await get(`/events/${widelyReported.id}`, accept);
      expect(response.status, String(accept)).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('vary')).toMatch(/Accept/);
      const event = PublicEventSchema.parse(await response.json());
      expect(event.sourceCount).toBe(6);
    }
    // A real HTTP client over the loopback (fetch sends Accept: */*).
    const viaFetch = await fetch(`${server.base}/events/${widelyReported.id}`);
    expect(viaFetch.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers a browser with the page, its own ETag and the strict policy', async () => {
    const page = await get(`/events/${widelyReported.id}`, BROWSER_ACCEPT);
    const json = await get(`/events/${widelyReported.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('vary')).toMatch(/Accept/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('etag')).not.toBe(json.headers.get('etag'));
    const html = await page.text();
    expect(html).toContain(`<h1>${widelyReported.summary}</h1>`);
    expect(html.match(/<blockquote>/g)).toHaveLength(6);
  });

  it('keeps sending a merged id to the surviving event, for JSON and the page alike', async () => {
    for (const accept of [undefined, BROWSER_ACCEPT]) {
      const response = await get(`/events/${merged.id}`, accept);
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(`/events/${widelyReported.id}`);
    }
    const page = await browser.newPage();
    await page.goto(`${server.base}/events/${merged.id}`);
    expect(page.url()).toBe(`${server.base}/events/${widelyReported.id}`);
    expect(await page.locator('h1').textContent()).toBe(widelyReported.summary);
    await page.close();
  });

  it('says "no such event" as a page to a browser and as a problem to an API client', async () => {
    const missing = '/events/evt_00000000000000000000dead';
    const page = await get(missing, BROWSER_ACCEPT);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('<h1>No such event</h1>');
    const problem = await get(missing);
    expect(problem.status).toBe(404);
    expect(problem.headers.get('content-type')).toBe('application/problem+json');
  });

  it('keeps a page of 50 events under 100 KB, everything from its own origin', async () => {
    const context = await browser.newContext();
    const requests: string[] = [];
    let bytes = 0;
    context.on('request', (request) => requests.push(request.url()));
    context.on('response', async (response) => {
      bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    const page = await context.newPage();
    await page.setViewportSize({ width: 768, height: 1100 });
    await page.goto(`${server.base}/`);
    expect(await page.locator('li.event').count()).toBe(50);
    // The first screenful, as the README shows it (docs/timeline-page.png is a copy of it).
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({
      path: `${OUTPUT}readme-timeline.png`,
      clip: { x: 0, y: 0, width: 768, height: 720 },
    });
    expect(await page.locator('figure.chart svg a').count()).toBeGreaterThan(10);
    await page.goto(`${server.base}/events/${widelyReported.id}`);
    await page.waitForLoadState('networkidle');
    const page50 = await (await get('/', BROWSER_ACCEPT)).text();
    console.info(`timeline page with 50 events: ${Buffer.byteLength(page50)} bytes`);
    expect(Buffer.byteLength(page50)).toBeLessThan(100_000);
    expect(requests.filter((url) => !url.startsWith(`${server.base}/`))).toEqual([]);
    // Two documents (and perhaps a favicon probe): no stylesheet, font, image or script besides.
    expect(requests.filter((url) => !url.endsWith('/favicon.ico'))).toHaveLength(2);
    expect(bytes).toBeLessThan(100_000 + 20_000);
    await context.close();
  });
});
