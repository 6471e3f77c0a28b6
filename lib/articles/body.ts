import { Deadline, isBudgetExceeded } from '../budget/index.ts';
import type { FetchedResponse } from '../http/index.ts';
import { decodeBody } from '../http/index.ts';
import type { Log } from '../log.ts';
import type { Article } from './article.ts';
import { needsPage, wordCount } from './full-text.ts';
import { assertPageWithinCaps } from './page-shape.ts';
import { ReadabilityThreads } from './readability-thread.ts';
import { trimHtml } from './trim.ts';

export interface PageReader {
  fetch(url: string): Promise<FetchedResponse>;
  log: Log;
  /** Where Readability runs; by default the threads the process keeps. */
  readability?: ReadabilityThreads;
}

/** What reading one article's page may take, fetch and Readability together, unless the caller's deadline is sooner. */
export const FULL_TEXT_MS = 15_000;

let shared: ReadabilityThreads | undefined;

async function pageText(
  article: Article,
  reader: PageReader,
  deadline: Deadline,
): Promise<string | undefined> {
  const response = await deadline.race('full-text', `page ${article.url}`, () => reader.fetch(article.url));
  const type = response.headers['content-type'] ?? '';
  if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
  if (type && !/html/i.test(type)) throw new Error(`not an HTML page (${type})`);
  const page = decodeBody(response.body, type);
  // Refused here, a hostile page costs one linear pass and never occupies the thread.
  assertPageWithinCaps(page);
  shared ??= new ReadabilityThreads();
  return (reader.readability ?? shared).read(page, response.url, deadline);
}

/**
 * The article with its whole text when the feed carried only a teaser (or the feed is configured
 * `fullText: always`). A page that cannot be read, or not within the full-text budget (its deadline,
 * or the page caps), leaves the feed's text in place: the teaser's events are still worth having,
 * and the failure is logged.
 */
export async function withFullText(
  article: Article,
  reader: PageReader,
  deadline: Deadline = Deadline.in(FULL_TEXT_MS),
): Promise<Article> {
  if (!needsPage(article)) return article;
  try {
    const html = await pageText(article, reader, deadline);
    if (html && wordCount(html) > wordCount(article.html)) return { ...article, ...trimHtml(html) };
    reader.log.warn(`article ${article.url}: page has no more text than the feed; using the feed's`);
  } catch (error) {
    const what = isBudgetExceeded(error) ? 'over its budget' : 'not read';
    reader.log.warn(
      `article ${article.url}: page ${what} (${(error as Error).message}); using the feed's text`,
      {
        articleId: article.id,
        code: (error as { code?: string }).code,
      },
    );
  }
  return article;
}
