import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ForwardSearch } from '../text/index.ts';
import type { Article } from './article.ts';
import { assertPageWithinCaps, PAGE_CAPS, type PageCaps } from './page-shape.ts';

/** Readability returns a page's navigation when it finds no story; fewer words than this is no story. */
const MIN_ARTICLE_WORDS = 25;

/** Below this many words a feed item is a teaser, not the article. */
export const TEASER_WORDS = 150;

/**
 * Words in HTML, tags and entities not counted. Tags are dropped by a forward scan, as the regex
 * `<[^>]*>` would drop them: that regex searched to the end of the text for every `<` without a
 * `>`, so 100 KB of `<` took 4.4 s, quadrupling per doubling.
 */
export function wordCount(html: string): number {
  const tagEnd = new ForwardSearch(html, '>');
  let text = '';
  let copied = 0;
  for (let open = html.indexOf('<'); open >= 0; open = html.indexOf('<', copied)) {
    const end = tagEnd.from(open + 1);
    if (!end) break;
    text += `${html.slice(copied, open)} `;
    copied = end.end;
  }
  text += html.slice(copied);
  return text
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
}

/** Whether the worker should read the article's page: always, never, or when the feed gave only a teaser. */
export function needsPage(article: Pick<Article, 'fullText' | 'html'>): boolean {
  if (article.fullText === 'always') return true;
  if (article.fullText === 'never') return false;
  return wordCount(article.html) < TEASER_WORDS;
}

/**
 * The article's own text from a web page, as HTML (paragraphs, lists and headings kept), using
 * Mozilla's Readability on linkedom; undefined when the page holds no readable article. A page past
 * `caps` is refused with BudgetExceededError before it is parsed. Synchronous and unbounded in time
 * below the caps: the worker runs it on a thread it can stop (see readPage).
 */
export function mainContent(pageHtml: string, url: string, caps: PageCaps = PAGE_CAPS): string | undefined {
  assertPageWithinCaps(pageHtml, caps);
  const { document } = parseHTML(pageHtml);
  try {
    Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  } catch {
    // Readability only needs the URL to resolve relative links; without it they stay relative.
  }
  const reader = new Readability(document as unknown as Document, {
    charThreshold: 200,
    maxElemsToParse: caps.maxElements,
  });
  const content = reader.parse()?.content?.trim();
  return content && wordCount(content) >= MIN_ARTICLE_WORDS ? content : undefined;
}
