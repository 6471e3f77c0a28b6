import { describe, expect, it } from 'vitest';
import {
  type Article,
  mainContent,
  needsPage,
  PAGE_CAPS,
  ReadabilityThreads,
  TEASER_WORDS,
  withFullText,
} from '../../lib/articles/index.ts';
import { BudgetExceededError, Deadline } from '../../lib/budget/index.ts';
import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';
import type { FetchedResponse } from '../../lib/http/index.ts';
import type { Log } from '../../lib/log.ts';
import { portsArticle } from '../fixtures/black-sea.ts';
import { articlePage } from '../fixtures/pages.ts';
import { anArticle } from '../support/accounts.ts';

const words = (n: number) => `<p>${Array.from({ length: n }, (_, i) => `word${i}`).join(' ')}</p>`;

describe('needsPage', () => {
  it('reads the page for a teaser under auto, never for full text, always or never as configured', () => {
    expect(needsPage({ fullText: 'auto', html: words(TEASER_WORDS - 1) })).toBe(true);
    expect(needsPage({ fullText: 'auto', html: words(TEASER_WORDS + 10) })).toBe(false);
    expect(needsPage({ fullText: 'always', html: words(500) })).toBe(true);
    expect(needsPage({ fullText: 'never', html: words(3) })).toBe(false);
  });
});

describe('mainContent (Readability on linkedom)', () => {
  const page = articlePage(portsArticle.title, portsArticle.html);
  const content =
    mainContent(page, 'https://harbour-news.example.org/2024/10/15/black-sea-ports-hit-again/') ?? '';

  it('keeps the story with its paragraphs and list items', () => {
    expect(content).toContain('<li>2 July: Russian drones struck the port of Izmail');
    expect(content).toContain('air defences around the ports would be doubled');
  });

  it('drops navigation, share buttons, related links and the footer', () => {
    expect(content).toContain('air defences around the ports would be doubled');
    for (const furniture of [
      'Share on Facebook',
      'Port workers strike on 3 October',
      '© 2024 Harbour News',
      'Business',
    ]) {
      expect(page).toContain(furniture);
      expect(content).not.toContain(furniture);
    }
  });

  it('gives the same dated events as the full feed text', () => {
    const dates = (html: string) =>
      extractEvents({ html, publishedAt: portsArticle.pubDate })
        .filter(isTextDated)
        .map((e) => e.date);
    expect(dates(portsArticle.html).length).toBeGreaterThan(1);
    expect(dates(content)).toEqual(dates(portsArticle.html));
  });

  it('finds nothing on a page without an article', () => {
    expect(
      mainContent('<html><body><nav><a href="/">Home</a></nav></body></html>', 'https://x.example/'),
    ).toBeUndefined();
  });
});

/** 2,000 nested <div>s around a story: 23.5 KB that held Readability for 16 s. */
const nestedPage = (levels: number) =>
  `<html><body>${'<div>'.repeat(levels)}${portsArticle.html}${'</div>'.repeat(levels)}</body></html>`;

/** A page under the caps that Readability still takes seconds over: a deep chain holding many blocks. */
const slowPage = `<html><body>${'<div>'.repeat(100)}${'<div><span>a</span></div>'.repeat(1_000)}${'</div>'.repeat(100)}</body></html>`;

describe('the full-text budget', () => {
  it('refuses a page nested past the depth cap before parsing it', () => {
    expect(() => mainContent(nestedPage(2_000), 'https://x.example/')).toThrow(BudgetExceededError);
    expect(() => mainContent(nestedPage(2_000), 'https://x.example/')).toThrow(
      `full-text budget exceeded: page nested more than ${PAGE_CAPS.maxDepth} deep`,
    );
    expect(mainContent(nestedPage(50), 'https://x.example/')).toContain('Izmail');
  });

  it('refuses a page of more elements than the cap', () => {
    const page = `<html><body>${'<span>x</span>'.repeat(1_001)}</body></html>`;
    expect(() => mainContent(page, 'https://x.example/', { maxElements: 1_000, maxDepth: 256 })).toThrow(
      'full-text budget exceeded: page has more than 1000 elements',
    );
  });

  it('runs Readability on a thread: the same content as in-process', async () => {
    const thread = new ReadabilityThreads();
    try {
      const page = articlePage(portsArticle.title, portsArticle.html);
      const url = 'https://harbour-news.example.org/ports';
      expect(await thread.read(page, url, Deadline.in(30_000))).toBe(mainContent(page, url));
    } finally {
      await thread.close();
    }
  });

  it('stops the thread at the deadline, and reads the next page on a fresh one', async () => {
    const thread = new ReadabilityThreads();
    try {
      const page = articlePage(portsArticle.title, portsArticle.html);
      await thread.read(page, 'https://x.example/warm', Deadline.in(30_000));
      const started = performance.now();
      const stopped = thread.read(slowPage, 'https://x.example/slow', Deadline.in(300));
      await expect(stopped).rejects.toThrow(BudgetExceededError);
      const stoppedAfter = performance.now() - started;
      const next = await thread.read(page, 'https://x.example/next', Deadline.in(30_000));
      expect(next).toContain('Izmail');
      // The slow page alone takes seconds; stopped at its deadline, it cost a fraction of that.
      expect(stoppedAfter).toBeLessThan(mainContentMs(slowPage) / 2);
    } finally {
      await thread.close();
    }
  });
});

function mainContentMs(page: string): number {
  const started = performance.now();
  mainContent(page, 'https://x.example/slow');
  return performance.now() - started;
}

/** An HTML page as the fetch layer hands it over. */
const served = (html: string, url: string): FetchedResponse => ({
  status: 200,
  url,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: Buffer.from(html),
  redirects: [],
});

function recorder(): Log & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, warn: (message: string) => void warnings.push(message), error() {} };
}

describe('Readability threads shared by a batch', () => {
  const page = articlePage(portsArticle.title, portsArticle.html);

  it('stops a hostile page without touching the page read beside it', async () => {
    const threads = new ReadabilityThreads(2);
    try {
      const [slow, good] = await Promise.allSettled([
        threads.read(slowPage, 'https://x.example/slow', Deadline.in(300)),
        threads.read(page, 'https://x.example/good', Deadline.in(30_000)),
      ]);
      expect(slow).toMatchObject({ status: 'rejected', reason: expect.any(BudgetExceededError) });
      expect(good).toMatchObject({ status: 'fulfilled', value: expect.stringContaining('Izmail') });
    } finally {
      await threads.close();
    }
  });

  it('counts the wait for a free thread against the deadline, and hands the thread on', async () => {
    const threads = new ReadabilityThreads(1);
    try {
      const first = threads.read(page, 'https://x.example/1', Deadline.in(30_000));
      const starved = threads.read(page, 'https://x.example/2', Deadline.in(0));
      const third = threads.read(page, 'https://x.example/3', Deadline.in(30_000));
      await expect(starved).rejects.toThrow(
        'full-text budget exceeded: no Readability thread free before the deadline',
      );
      await expect(first).resolves.toContain('Izmail');
      await expect(third).resolves.toContain('Izmail');
    } finally {
      await threads.close();
    }
  });
});

describe('withFullText within its budget', () => {
  const teaser: Article = anArticle(0x21, {
    url: 'https://harbour.example/teaser',
    html: '<p>Ports were hit again on 2 July, officials said.</p>',
    fullText: 'auto',
  });

  it('keeps the feed text when the page is past the caps, saying why', async () => {
    const log = recorder();
    const read = await withFullText(teaser, {
      fetch: async (url) => served(nestedPage(2_000), url),
      log,
    });
    expect(read).toBe(teaser);
    expect(log.warnings.join('\n')).toContain(
      'page over its budget (full-text budget exceeded: page nested more than',
    );
  });

  it('keeps the feed text when the page is not read before the deadline', async () => {
    const log = recorder();
    const never = new Promise<FetchedResponse>(() => {});
    const read = await withFullText(teaser, { fetch: () => never, log }, Deadline.in(200));
    expect(read).toBe(teaser);
    expect(log.warnings.join('\n')).toMatch(
      /page over its budget \(full-text budget exceeded: page .* not done within/,
    );
  });

  it('takes the page when it is within budget', async () => {
    const thread = new ReadabilityThreads();
    try {
      const page = articlePage(portsArticle.title, portsArticle.html);
      const read = await withFullText(teaser, {
        fetch: async (url) => served(page, url),
        log: recorder(),
        readability: thread,
      });
      expect(read.html).toContain('Izmail');
    } finally {
      await thread.close();
    }
  });
});
