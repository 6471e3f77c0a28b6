import { z } from 'zod';
import { type Article, ArticleSchema } from '../articles/index.ts';
import { type Feed, ResolvedFeedSchema } from '../feeds/index.ts';

/** The articles queue's message: versioned so a future shape can be told apart from this one. */
export const ArticleMessageSchema = z.object({ v: z.literal(1), article: ArticleSchema });
/** The feeds queue's message: one due feed, with its configuration as the scheduler read it. */
export const PollJobMessageSchema = z.object({ v: z.literal(1), feed: ResolvedFeedSchema });

export class BadMessageError extends Error {
  constructor(reason: string) {
    super(`unusable message: ${reason}`);
    this.name = 'BadMessageError';
  }
}

function decode<T>(schema: z.ZodType<T>, body: string): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new BadMessageError('body is not JSON');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new BadMessageError(
      result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return result.data;
}

export function encodeArticleMessage(article: Article): string {
  return JSON.stringify({ v: 1, article });
}

export function decodeArticleMessage(body: string): Article {
  return decode(ArticleMessageSchema, body).article;
}

export function encodePollJob(feed: Feed): string {
  return JSON.stringify({ v: 1, feed });
}

export function decodePollJob(body: string): Feed {
  return decode(PollJobMessageSchema, body).feed;
}
