import { describe, expect, it } from 'vitest';
import { type FeedState, feedHealth, initialState } from '../../lib/feeds/index.ts';
import { aFeed } from '../support/accounts.ts';

const feed = aFeed({ id: 'wire', name: 'Wire', url: 'https://wire.example/feed', fullText: 'auto' });
const polled = (changes: Partial<FeedState>): FeedState => ({
  ...initialState(feed, new Date('2024-10-13T00:00:00Z')),
  lastPolledAt: '2024-10-13T00:00:00.000Z',
  lastStatus: 200,
  ...changes,
});

describe('feedHealth', () => {
  it('tells new, ok, failing, unhealthy and disabled feeds apart', () => {
    expect(feedHealth(feed, undefined).status).toBe('new');
    expect(feedHealth(feed, polled({})).status).toBe('ok');
    expect(feedHealth(feed, polled({ consecutiveFailures: 2, lastError: 'HTTP 500' }))).toMatchObject({
      status: 'failing',
      lastError: 'HTTP 500',
    });
    expect(feedHealth(feed, polled({ unhealthy: true, lastStatus: 410 })).status).toBe('unhealthy');
    expect(feedHealth({ ...feed, enabled: false }, polled({})).status).toBe('disabled');
  });

  it('shows where a permanently redirected feed lives now, until ops change its URL', () => {
    const moved = polled({ url: 'https://new.example/feed' });
    expect(feedHealth(feed, moved).url).toBe('https://new.example/feed');
    expect(feedHealth({ ...feed, url: 'https://ops.example/feed' }, moved).url).toBe(
      'https://ops.example/feed',
    );
  });
});
