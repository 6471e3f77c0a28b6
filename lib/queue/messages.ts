import * as z from 'zod';
import { type Article, ArticleSchema } from '../articles/index.ts';
import { type Feed, ResolvedFeedSchema } from '../feeds/feed.ts';
import { FeedRefSchema } from '../timeline/event.ts';

/**
 * An article to extract. Versioned so a future shape can be told apart from this one; `kind` tells it
 * from a credit (messages sent before credits existed have none, and are articles).
 */
export const ArticleMessageSchema = z.object({
  v: z.literal(1),
  kind: z.literal('article').default('article'),
  article: ArticleSchema,
});
/** A feed carrying an article already queued from another feed: to credit, not to extract again. */
export const CreditMessageSchema = z.object({
  v: z.literal(1),
  kind: z.literal('credit'),
  articleId: ArticleSchema.shape.id,
  feed: FeedRefSchema,
});
/** What the articles queue carries. */
export const ArticlesQueueMessageSchema = z.discriminatedUnion('kind', [
  ArticleMessageSchema,
  CreditMessageSchema,
]);
export type ArticlesQueueMessage = z.infer<typeof ArticlesQueueMessageSchema>;
/** The feeds queue's message: one due feed, with its configuration as the scheduler read it. */
export const PollJobMessageSchema = z.object({ v: z.literal(1), feed: ResolvedFeedSchema });

export class BadMessageError extends Error {
  constructor(reason: string, options?: ErrorOptions) {
    super(`unusable message: ${reason}`, options);
    this.name = 'BadMessageError';
  }
}

function decode<T>(schema: z.ZodType<T>, body: string): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new BadMessageError('body is not JSON', { cause: error });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new BadMessageError(
      result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return result.data;
}

/**
 * A message body as JSON, every character beyond the Basic Multilingual Plane (an emoji in a title)
 * written as its escape pair. SQS takes them raw, but the embedded SQS (fauxqs) refuses any body
 * holding one, so locally such an article was never queued; escaped, it reads back the same from
 * either (tests/contract/queue.contract.ts).
 */
function bodyOf(message: unknown): string {
  return JSON.stringify(message).replace(
    /[\uD800-\uDFFF]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16)}`,
  );
}

export function encodeArticleMessage(article: Article): string {
  return bodyOf({ v: 1, kind: 'article', article });
}

/** The credit for the feed that carries `article`, named as that feed names itself. */
export function encodeCreditMessage(article: Article): string {
  return bodyOf({
    v: 1,
    kind: 'credit',
    articleId: article.id,
    feed: { id: article.feedId, name: article.feedName },
  });
}

export function decodeArticlesQueueMessage(body: string): ArticlesQueueMessage {
  return decode(ArticlesQueueMessageSchema, body);
}

/** An article message's article; a credit (or anything else) is refused. */
export function decodeArticleMessage(body: string): Article {
  return decode(ArticleMessageSchema, body).article;
}

export function encodePollJob(feed: Feed): string {
  return bodyOf({ v: 1, feed });
}

export function decodePollJob(body: string): Feed {
  return decode(PollJobMessageSchema, body).feed;
}
