import { z } from 'zod';
import { type Article, ArticleSchema } from '../articles/index.ts';

/** The articles queue's message: versioned so a future shape can be told apart from this one. */
export const ArticleMessageSchema = z.object({ v: z.literal(1), article: ArticleSchema });

export class BadMessageError extends Error {
  constructor(reason: string) {
    super(`unusable article message: ${reason}`);
    this.name = 'BadMessageError';
  }
}

export function encodeArticleMessage(article: Article): string {
  return JSON.stringify({ v: 1, article });
}

export function decodeArticleMessage(body: string): Article {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new BadMessageError('body is not JSON');
  }
  const result = ArticleMessageSchema.safeParse(json);
  if (!result.success) {
    throw new BadMessageError(
      result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return result.data.article;
}
