export { type Article, ArticleSchema } from './article.ts';
export { FULL_TEXT_MS, type PageReader, withFullText } from './body.ts';
export { mainContent, needsPage, TEASER_WORDS, wordCount } from './full-text.ts';
export { articleId, canonicalUrl, contentHash } from './id.ts';
export { assertPageWithinCaps, PAGE_CAPS, type PageCaps } from './page-shape.ts';
export { ReadabilityThreads } from './readability-thread.ts';
export { MAX_ARTICLE_BYTES, trimHtml } from './trim.ts';
