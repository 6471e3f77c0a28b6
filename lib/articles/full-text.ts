import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from './article.ts';

/** Readability returns a page's navigation when it finds no story; fewer words than this is no story. */
const MIN_ARTICLE_WORDS = 25;

/** Below this many words a feed item is a teaser, not the article. */
export const TEASER_WORDS = 150;

export function wordCount(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  return text.split(/\s+/).filter(Boolean).length;
}

/** Whether the worker should read the article's page: always, never, or when the feed gave only a teaser. */
export function needsPage(article: Pick<Article, 'fullText' | 'html'>): boolean {
  if (article.fullText === 'always') return true;
  if (article.fullText === 'never') return false;
  return wordCount(article.html) < TEASER_WORDS;
}

/**
 * The article's own text from a web page, as HTML (paragraphs, lists and headings kept), using
 * Mozilla's Readability on linkedom; undefined when the page holds no readable article.
 */
export function mainContent(pageHtml: string, url: string): string | undefined {
  const { document } = parseHTML(pageHtml);
  try {
    Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  } catch {
    // Readability only needs the URL to resolve relative links; without it they stay relative.
  }
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const content = article?.content?.trim();
  return content && wordCount(content) >= MIN_ARTICLE_WORDS ? content : undefined;
}
