import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { CursorCodec, createTimelineApp, type Source, sortDate } from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { hasChromium, launchChromium, seriousViolations, serveOnLoopback } from '../support/browser.ts';
import { workspace } from '../support/local.ts';

/** Screenshots for people to look at (gitignored): every width the page must read well at. */
const OUTPUT = fileURLToPath(new URL('../output/', import.meta.url));
const WIDTHS = [360, 768, 1280] as const;

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

describe.skipIf(!hasChromium)('the timeline page in headless chromium', () => {
  let stack: LocalStack;
  let server: Awaited<ReturnType<typeof serveOnLoopback>>;
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
    server = await serveOnLoopback(app.fetch);
    base = server.base;
    browser = await launchChromium();
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
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

  const minister = fixtures[3] as (typeof fixtures)[number];
  /** Each chart bar's aria-label (what it counts) or href (where it leads), oldest first. */
  const bars = (page: Page, attribute: 'aria-label' | 'href' = 'aria-label') =>
    page
      .locator('figure.chart svg a')
      .evaluateAll((links, name) => links.map((a) => a.getAttribute(name)), attribute);

  it('charts the listed events per week above the list; a bar leads to its week', async () => {
    const page = await open('/');
    expect(await page.locator('figure.chart figcaption').textContent()).toBe(
      'All 8 events listed, per week, shaded by how many sources reported each event.',
    );
    // Oldest on the left, whatever the listing's order; the month-precision event in the week of 1 June.
    expect(await bars(page)).toEqual([
      'week of 27 May 2024: 1 event (1 with 1 source)',
      'week of 17 June 2024: 1 event (1 with 2–4 sources)',
      'week of 30 September 2024: 1 event (1 with 1 source)',
      'week of 7 October 2024: 4 events (3 with 1 source, 1 with 2–4 sources)',
      'week of 4 November 2024: 1 event (1 with 1 source)',
    ]);
    const busy = page.locator('figure.chart svg a').nth(3);
    // The event three outlets reported is drawn darker than the three single-source ones.
    expect(await busy.locator('rect.t1').count()).toBe(1);
    expect(await busy.locator('rect.t0').count()).toBe(1);

    await Promise.all([page.waitForURL(/\/\?from=2024-10-07&to=2024-10-13$/), busy.click()]);
    const week = newestFirst.filter((e) => e.date >= '2024-10-07' && e.date <= '2024-10-13');
    expect(week).toHaveLength(4);
    expect(await eventIds(page)).toEqual(week.map((e) => e.id));
    // Drilled down to one week, the chart counts its days.
    expect(await page.locator('figure.chart figcaption').textContent()).toContain('per day');
    expect(await bars(page)).toEqual([
      '8 October 2024: 2 events (1 with 1 source, 1 with 2–4 sources)',
      '9 October 2024: 1 event (1 with 1 source)',
      '11 October 2024: 1 event (1 with 1 source)',
    ]);
    await page.close();
  });

  it('charts only what the filters list, and its bars keep the filters', async () => {
    const page = await open('/?topic=defence');
    expect(await bars(page, 'href')).toEqual([
      '/?from=2024-09-30&to=2024-10-06&topic=defence',
      '/?from=2024-10-07&to=2024-10-13&topic=defence',
      '/?from=2024-11-04&to=2024-11-10&topic=defence',
    ]);
    await page.close();
  });

  it('works from the keyboard, with focus visible on links and on chart bars', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as Element;
        const style = getComputedStyle(element);
        const hit = element.querySelector('.hit');
        return {
          text: element.textContent,
          label: element.getAttribute('aria-label'),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          barStroke: hit ? getComputedStyle(hit).strokeWidth : null,
          inChart: element.closest('figure.chart') !== null,
        };
      });
    expect(await focused()).toMatchObject({ text: 'Dateline', outline: 'solid 3px' });
    for (let presses = 0; presses < 40 && !(await focused()).inChart; presses++)
      await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({
      label: expect.stringMatching(/^week of 27 May 2024/),
      barStroke: '3px',
    });
    await Promise.all([page.waitForURL(/from=2024-05-27&to=2024-06-02$/), page.keyboard.press('Enter')]);
    expect(await page.locator('li.event .summary').allTextContents()).toEqual([
      'Talks continue through June',
    ]);
    await page.close();
  });

  it('follows an event to its page, to a neighbour, and back', async () => {
    const page = await open('/');
    await Promise.all([
      page.waitForURL(`${base}/events/${minister.id}`),
      page.click(`li.event[id="${minister.id}"] .summary a`),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Minister warns of troop deployment');
    expect(await page.locator('.when').textContent()).toBe('8 October 2024 · dated to the day');
    const sources = page.locator('ol.sources li');
    expect(await sources.locator('.outlet').allTextContents()).toEqual([
      'Harbour News',
      'Wire Desk',
      'Coast Radio',
    ]);
    expect(await sources.locator('cite').first().textContent()).toBe(
      'Harbour News reports: Minister warns of troop deployment',
    );
    expect(await sources.locator('time').allTextContents()).toEqual(
      Array(3).fill('5 November 2024 at 09:00 UTC'),
    );
    expect(await sources.locator('blockquote').first().textContent()).toBe(
      '“Minister warns of troop deployment,” the report said.',
    );
    expect(await page.locator('dl.about a.topic').allTextContents()).toEqual(['#defence']);
    expect(await page.locator('.same-day h2').textContent()).toBe('Also on 8 October 2024');
    expect(await page.locator('.same-day li a').allTextContents()).toEqual(['Agency reports troops present']);

    await Promise.all([page.waitForURL(/\/events\/evt_/), page.click('.same-day li a')]);
    expect(await page.locator('h1').textContent()).toBe('Agency reports troops present');
    await page.goBack();
    expect(await page.locator('h1').textContent()).toBe('Minister warns of troop deployment');
    await page.goBack();
    expect(page.url()).toBe(`${base}/`);
    expect(await eventIds(page)).toEqual(newestFirst.map((e) => e.id));

    await page.goForward();
    await Promise.all([page.waitForURL(/order=asc#evt_/), page.click('.same-day a.back')]);
    expect(new URL(page.url()).search).toBe('?from=2024-10-08&to=2024-10-08&order=asc');
    expect(await eventIds(page)).toContain(minister.id);
    await page.close();
  });

  it('reads the same with JavaScript off: list, chart and links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    expect(await page.locator('li.event').count()).toBe(fixtures.length);
    const bars = page.locator('figure.chart svg a');
    expect(await bars.count()).toBe(5);
    await Promise.all([page.waitForURL(/from=2024-10-07/), bars.nth(3).click()]);
    expect(await page.locator('li.event').count()).toBe(4);
    await page.goto(`${base}/events/${minister.id}`);
    expect(await page.locator('ol.sources li').count()).toBe(3);
    await context.close();
  });

  it.each(WIDTHS)('reads at %i px, light and dark, nothing wider than the screen', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const [name, path] of [
        ['timeline', '/'],
        ['event', `/events/${minister.id}`],
      ]) {
        await page.goto(`${base}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${OUTPUT}${name}-${width}-${colorScheme}.png`, fullPage: true });
      }
      const chart = await page.goto(`${base}/`).then(() => page.locator('figure.chart svg').boundingBox());
      // The chart spans the column: wide enough to read at every width.
      expect(chart?.width).toBeGreaterThan(Math.min(width, 736) - 80);
      expect(chart?.height).toBeGreaterThan(60);
      // Dark colours on a dark screen, not a light page glaring from it.
      const background = await page.evaluate(
        () => getComputedStyle(document.documentElement).backgroundColor,
      );
      expect(background, colorScheme).toBe(colorScheme === 'dark' ? 'rgb(21, 23, 28)' : 'rgb(255, 255, 255)');
    }
    await context.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical accessibility violation (axe-core, %s)',
    async (colorScheme) => {
      expect(await seriousViolations(browser, `${base}/`, colorScheme)).toEqual([]);
      expect(await seriousViolations(browser, `${base}/events/${minister.id}`, colorScheme)).toEqual([]);
    },
  );
});
