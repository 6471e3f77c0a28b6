import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { CursorCodec, createTimelineApp, type Source, sortDate } from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';

/** Debian's chromium package; the test needs a real browser and skips without one (.ci/run installs it). */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = fileURLToPath(new URL('../output/timeline.png', import.meta.url));

/** A feed that tries everything: markup in every string and a script URL as the article link. */
const HOSTILE = {
  title: 'Port reopens <script>window.__pwned = "title"</script>',
  summary: 'Port reopens <img src=x onerror="window.__pwned = \'summary\'">',
  feedName: 'Evil Wire <script>alert("outlet")</script>',
  url: 'javascript:window.__pwned = "link"',
};

let n = 0;
/** An event as the worker derives it from one account per outlet; `feed` overrides what the feed said. */
function event(
  date: string,
  summary: string,
  outlets: string[],
  topics: string[] = [],
  feed: Partial<Source> = {},
) {
  const sources: Source[] = outlets.map((feedName) => {
    n++;
    const feedId = feedName.toLowerCase().replace(/\W+/g, '-');
    return anAccount(n, {
      date,
      summary,
      feedId,
      feedName,
      url: `https://${feedId}.example/news/${n}`,
      title: `${feedName} reports: ${summary}`,
      publishedAt: '2024-11-05T09:00:00.000Z',
      quote: `“${summary},” the report said.`,
      topics,
      ...feed,
    });
  });
  return anEvent(...sources);
}

const hostile = event('2024-10-09', HOSTILE.summary, ['Evil Wire'], [], {
  title: HOSTILE.title,
  feedName: HOSTILE.feedName,
  url: HOSTILE.url,
});

const fixtures = [
  event('2024-06-18', 'Leaders sign a partnership in the capital', ['Harbour News', 'Wire Desk'], ['summit']),
  event('2024-06', 'Talks continue through June', ['Wire Desk']),
  event('2024-10-03', 'Strike near the border', ['Harbour News'], ['defence']),
  event(
    '2024-10-08',
    'Minister warns of troop deployment',
    ['Harbour News', 'Wire Desk', 'Coast Radio'],
    ['defence'],
  ),
  event('2024-10-08', 'Agency reports troops present', ['Coast Radio'], ['defence']),
  hostile,
  event('2024-10-11', 'Think tank estimates numbers', ['Wire Desk']),
  event('2024-11-04', 'First clashes reported', ['Harbour News'], ['defence']),
];
/** Newest first, as the page lists them (events on one day follow their ids, as the sort key does). */
const newestFirst = [...fixtures]
  .sort((a, b) => `${sortDate(a.date)}#${a.id}`.localeCompare(`${sortDate(b.date)}#${b.id}`))
  .reverse();

describe.skipIf(!existsSync(CHROMIUM))('the timeline page in headless chromium', () => {
  let stack: LocalStack;
  let server: ServerType;
  let browser: Browser;
  let base: string;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  async function open(path: string): Promise<Page> {
    dialogs.length = 0;
    consoleErrors.length = 0;
    const page = await browser.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    const response = await page.goto(`${base}${path}`);
    expect(response?.status()).toBe(200);
    return page;
  }
  const eventIds = (page: Page) =>
    page.locator('li.event').evaluateAll((items) => items.map((item) => item.id));

  beforeAll(async () => {
    stack = await startLocalStack(workspace('dateline-page-').options);
    const store = new DynamoEventStore(stack.dynamo, 'dateline');
    for (const e of fixtures) expect(await store.create(e)).toBe(true);
    const app = createTimelineApp({ reader: store, cursors: new CursorCodec('a-test-secret-of-16+') });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await stack?.stop();
  });

  it('shows every event newest first, grouped by date, with its sources linked by outlet', async () => {
    const page = await open('/');
    expect(await page.title()).toBe('Dateline: what happened when');
    expect(await eventIds(page)).toEqual(newestFirst.map((e) => e.id));
    const headings = await page
      .locator('section.day h2 time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
    expect(headings).toEqual([
      '2024-11-04',
      '2024-10-11',
      '2024-10-09',
      '2024-10-08',
      '2024-10-03',
      '2024-06-18',
      '2024-06',
    ]);
    expect(await page.locator('section.day').nth(3).locator('li.event').count()).toBe(2);

    const warning = page.locator('li.event', { hasText: 'Minister warns of troop deployment' });
    const outlets = warning.locator('ul.sources a.outlet');
    expect(await outlets.allTextContents()).toEqual(['Harbour News', 'Wire Desk', 'Coast Radio']);
    expect(await outlets.first().getAttribute('href')).toMatch(
      /^https:\/\/harbour-news\.example\/news\/\d+$/,
    );
    expect(await warning.locator('.meta').textContent()).toContain('8 October 2024 · 3 sources');

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();
  });

  it('narrows the list with the topic and date filters', async () => {
    const page = await open('/');
    await page.fill('input[name=topic]', 'defence');
    await Promise.all([page.waitForURL(/topic=defence/), page.click('button[type=submit]')]);
    const defence = newestFirst.filter((e) => e.topics.includes('defence')).map((e) => e.id);
    expect(await eventIds(page)).toEqual(defence);

    await page.fill('input[name=from]', '2024-10-05');
    await page.fill('input[name=to]', '2024-10-31');
    await Promise.all([page.waitForURL(/from=2024-10-05/), page.click('button[type=submit]')]);
    const october = newestFirst.filter(
      (e) => e.topics.includes('defence') && e.date >= '2024-10-05' && e.date <= '2024-10-31',
    );
    expect(october).toHaveLength(2);
    expect(await eventIds(page)).toEqual(october.map((e) => e.id));
    expect(await page.inputValue('input[name=topic]')).toBe('defence');
    await page.close();
  });

  it('reaches the last event through the "older" links', async () => {
    const page = await open('/?limit=3');
    const seen: string[] = [];
    for (let pages = 1; ; pages++) {
      seen.push(...(await eventIds(page)));
      const older = page.locator('a[rel=next]');
      if ((await older.count()) === 0) break;
      expect(pages).toBeLessThan(10);
      await Promise.all([page.waitForURL(/cursor=/), older.click()]);
    }
    expect(seen).toEqual(newestFirst.map((e) => e.id));
    expect(seen.at(-1)).toBe(newestFirst.at(-1)?.id);
    expect(await page.locator('nav.pager a', { hasText: 'Newest' }).count()).toBe(1);
    await page.close();
  });

  it('shows a feed’s markup as text and runs none of it', async () => {
    const page = await open(`/?from=2024-10-09&to=2024-10-09`);
    const item = page.locator(`li.event[id="${hostile.id}"]`);
    expect(await item.locator('.summary').textContent()).toBe(HOSTILE.summary);
    expect(await item.locator('cite').textContent()).toBe(HOSTILE.title);
    expect(await item.locator('.outlet').textContent()).toBe(HOSTILE.feedName);
    // The javascript: URL is not a link at all.
    expect(await item.locator('a.outlet').count()).toBe(0);
    expect(await item.locator('script, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // A blocked script would show up as a CSP violation here; escaped text shows up as nothing at all.
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
