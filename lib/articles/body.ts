import type { FetchedResponse } from '../http/index.ts';
import { decodeBody } from '../http/index.ts';
import type { Log } from '../log.ts';
import type { Article } from './article.ts';
import { mainContent, needsPage, wordCount } from './full-text.ts';
import { trimHtml } from './trim.ts';

export interface PageReader {
  fetch(url: string): Promise<FetchedResponse>;
  log: Log;
}

async function pageText(article: Article, reader: PageReader): Promise<string | undefined> {
  const response = await reader.fetch(article.url);
  const type = response.headers['content-type'] ?? '';
  if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
  if (type && !/html/i.test(type)) throw new Error(`not an HTML page (${type})`);
  return mainContent(decodeBody(response.body, type), response.url);
}

/**
 * The article with its whole text when the feed carried only a teaser (or the feed is configured
 * `fullText: always`). A page that cannot be read leaves the feed's text in place: the teaser's
 * events are still worth having, and the failure is logged.
 */
export async function withFullText(article: Article, reader: PageReader): Promise<Article> {
  if (!needsPage(article)) return article;
  try {
    const html = await pageText(article, reader);
    if (html && wordCount(html) > wordCount(article.html)) return { ...article, ...trimHtml(html) };
    reader.log.warn(`article ${article.url}: page has no more text than the feed; using the feed's`);
  } catch (error) {
    reader.log.warn(
      `article ${article.url}: page not read (${(error as Error).message}); using the feed's text`,
    );
  }
  return article;
}
