export { type Article, ArticleSchema, MAX_ARTICLE_HTML } from './article.ts';
export { articleId, canonicalUrl, contentHash } from './id.ts';
