export { type Article, ArticleSchema } from './article.ts';
export { type PageReader, withFullText } from './body.ts';
export { mainContent, needsPage, TEASER_WORDS, wordCount } from './full-text.ts';
export { articleId, canonicalUrl, contentHash } from './id.ts';
export { MAX_ARTICLE_BYTES, trimHtml } from './trim.ts';
