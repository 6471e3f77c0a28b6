import { describe, expect, it } from 'vitest';
import {
  BadMessageError,
  decodeArticleMessage,
  decodeArticlesQueueMessage,
  encodeArticleMessage,
  encodeCreditMessage,
} from '../../lib/queue/index.ts';
import { anArticle } from '../support/accounts.ts';

const article = anArticle(11, { feedId: 'mirror', feedName: 'Mirror' });

describe('the articles queue’s messages', () => {
  it('tells an article from a credit, which names only the article and the feed', () => {
    expect(decodeArticlesQueueMessage(encodeArticleMessage(article))).toEqual({
      v: 1,
      kind: 'article',
      article,
    });
    expect(JSON.parse(encodeCreditMessage(article))).toEqual({
      v: 1,
      kind: 'credit',
      articleId: article.id,
      feed: { id: 'mirror', name: 'Mirror' },
    });
    expect(decodeArticlesQueueMessage(encodeCreditMessage(article))).toMatchObject({ kind: 'credit' });
  });

  it('still reads an article message sent before credits existed (no kind)', () => {
    const old = JSON.stringify({ v: 1, article });
    expect(decodeArticlesQueueMessage(old)).toEqual({ v: 1, kind: 'article', article });
    expect(decodeArticleMessage(old)).toEqual(article);
  });

  it('refuses a credit without a feed name, a bad article id, an unknown kind, and a credit where an article is expected', () => {
    const credit = JSON.parse(encodeCreditMessage(article));
    const bad = [
      { ...credit, feed: { id: 'mirror' } },
      { ...credit, articleId: 'art_x' },
      { ...credit, kind: 'retract' },
    ];
    for (const body of bad) {
      expect(() => decodeArticlesQueueMessage(JSON.stringify(body))).toThrow(BadMessageError);
    }
    expect(() => decodeArticlesQueueMessage(JSON.stringify(bad[0]))).toThrow('feed.name');
    expect(() => decodeArticleMessage(encodeCreditMessage(article))).toThrow(BadMessageError);
  });
});
