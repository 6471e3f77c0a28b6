import { describe, expect, it } from 'vitest';
import { articleId, canonicalUrl } from '../../lib/articles/index.ts';

describe('canonicalUrl', () => {
  it('lower-cases the host and drops a leading www.', () => {
    expect(canonicalUrl('https://WWW.Example.COM/world/2024/10/13/story')).toBe(
      'https://example.com/world/2024/10/13/story',
    );
  });

  it('keeps the case of the path, which servers treat as significant', () => {
    expect(canonicalUrl('https://example.com/News/Story-ABC')).toBe('https://example.com/News/Story-ABC');
  });

  it('drops the fragment', () => {
    expect(canonicalUrl('https://example.com/story#comments')).toBe('https://example.com/story');
  });

  it('drops utm_* and fbclid tracking parameters but keeps the others', () => {
    expect(
      canonicalUrl(
        'https://example.com/story?utm_source=rss&utm_medium=feed&utm_campaign=daily&fbclid=IwAR0x&page=2',
      ),
    ).toBe('https://example.com/story?page=2');
  });

  it('leaves no question mark when every parameter was tracking', () => {
    expect(canonicalUrl('https://example.com/story?utm_source=rss&fbclid=abc')).toBe(
      'https://example.com/story',
    );
  });

  it('drops the trailing slash of a path, but keeps the root', () => {
    expect(canonicalUrl('https://example.com/news/story/')).toBe('https://example.com/news/story');
    expect(canonicalUrl('https://example.com/')).toBe('https://example.com/');
    expect(canonicalUrl('https://example.com')).toBe('https://example.com/');
  });

  it('sorts the remaining query parameters', () => {
    expect(canonicalUrl('https://example.com/article.php?lang=en&id=42')).toBe(
      canonicalUrl('https://example.com/article.php?id=42&lang=en'),
    );
    expect(canonicalUrl('https://example.com/article.php?lang=en&id=42')).toBe(
      'https://example.com/article.php?id=42&lang=en',
    );
  });

  it('treats http and https as the same article', () => {
    expect(canonicalUrl('http://example.com/story')).toBe(canonicalUrl('https://example.com/story'));
  });

  it('drops a default port but keeps a non-default one', () => {
    expect(canonicalUrl('https://example.com:443/story')).toBe('https://example.com/story');
    expect(canonicalUrl('http://example.com:80/story')).toBe('https://example.com/story');
    expect(canonicalUrl('https://example.com:8443/story')).toBe('https://example.com:8443/story');
  });

  it('trims surrounding whitespace, as feeds often wrap <link> contents', () => {
    expect(canonicalUrl('\n   https://example.com/story  \n')).toBe('https://example.com/story');
  });

  it('returns undefined for non-http(s) URLs and for text that is not a URL', () => {
    expect(canonicalUrl('ftp://example.com/story')).toBeUndefined();
    expect(canonicalUrl('mailto:desk@example.com')).toBeUndefined();
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrl('/relative/path')).toBeUndefined();
    expect(canonicalUrl('')).toBeUndefined();
  });
});

describe('articleId', () => {
  const feedId = 'east-wire';

  it('has the art_ + 32 hex form', () => {
    expect(articleId({ link: 'https://example.com/story', feedId })).toMatch(/^art_[0-9a-f]{32}$/);
  });

  it('gives the same id to tracking-parameter, fragment, host-case and scheme variants', () => {
    const plain = articleId({ link: 'https://example.com/world/story', feedId });
    const variants = [
      'https://example.com/world/story?utm_source=rss&utm_medium=feed',
      'http://www.example.com/world/story/',
      'https://EXAMPLE.com/world/story#top',
      'https://example.com/world/story?fbclid=IwAR123',
    ];
    for (const link of variants) expect(articleId({ link, feedId }), link).toBe(plain);
  });

  it('does not depend on which feed carried the link', () => {
    expect(articleId({ link: 'https://example.com/story', feedId: 'a' })).toBe(
      articleId({ link: 'https://example.com/story', feedId: 'b' }),
    );
  });

  it('gives different ids to different paths and to different meaningful parameters', () => {
    const a = articleId({ link: 'https://example.com/world/story-one', feedId });
    const b = articleId({ link: 'https://example.com/world/story-two', feedId });
    const c = articleId({ link: 'https://example.com/article.php?id=1', feedId });
    const d = articleId({ link: 'https://example.com/article.php?id=2', feedId });
    expect(new Set([a, b, c, d]).size).toBe(4);
  });

  it('falls back to the guid when there is no link, scoped by the feed id', () => {
    const inOne = articleId({ guid: '12345', feedId: 'east-wire' });
    const inOther = articleId({ guid: '12345', feedId: 'kyiv-ledger' });
    expect(inOne).toMatch(/^art_[0-9a-f]{32}$/);
    expect(inOne).not.toBe(inOther);
    expect(articleId({ guid: '12345', feedId: 'east-wire' })).toBe(inOne);
  });

  it('falls back to the guid when the link is unusable', () => {
    expect(articleId({ link: 'not a url', guid: 'tag:example.com,2024:42', feedId })).toBe(
      articleId({ guid: 'tag:example.com,2024:42', feedId }),
    );
  });

  it('trims the guid', () => {
    expect(articleId({ guid: '  42 \n', feedId })).toBe(articleId({ guid: '42', feedId }));
  });

  it('is undefined when there is neither a usable link nor a guid', () => {
    expect(articleId({ feedId })).toBeUndefined();
    expect(articleId({ link: '', guid: '   ', feedId })).toBeUndefined();
    expect(articleId({ link: 'not a url', feedId })).toBeUndefined();
  });
});
