import { describe, expect, it } from 'vitest';
import { type FeedState, feedHealth, initialState, recoveredState } from '../../lib/feeds/index.ts';
import {
  CursorCodec,
  createTimelineApp,
  FeedHealthSchema,
  type TimelineReader,
} from '../../lib/timeline/index.ts';
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
    expect(
      feedHealth(feed, polled({ consecutiveFailures: 2, lastError: 'HTTP 500', lastErrorCode: 'http-500' })),
    ).toMatchObject({ status: 'failing', lastError: 'http-500' });
    expect(feedHealth(feed, polled({ unhealthy: true, lastStatus: 410 })).status).toBe('unhealthy');
    expect(feedHealth({ ...feed, enabled: false }, polled({})).status).toBe('disabled');
  });

  it('names the site a permanently redirected feed lives on now, until ops change its URL', () => {
    const moved = polled({ url: 'https://new.example/feed' });
    expect(feedHealth(feed, moved).site).toBe('new.example');
    expect(feedHealth({ ...feed, url: 'https://ops.example/feed' }, moved).site).toBe('ops.example');
  });

  it('never shows the URL (a token in its query) nor the raw error text, only their site and category', () => {
    const secret = 'https://user:pw@alerts.example:8443/feed?token=s3cr3t';
    const failing = polled({
      configuredUrl: secret,
      url: secret,
      consecutiveFailures: 1,
      lastError: `${secret}: no complete response within 20000 ms`,
      lastErrorCode: 'timeout',
    });
    const health = feedHealth({ ...feed, url: secret }, failing);
    expect(health).toMatchObject({ site: 'alerts.example:8443', lastError: 'timeout' });
    expect(JSON.stringify(health)).not.toMatch(/s3cr3t|pw@|token/);
    // A state stored before errors had categories keeps its text private too.
    const older = polled({ consecutiveFailures: 1, lastError: `${secret}: connect ECONNREFUSED` });
    expect(feedHealth(feed, older).lastError).toBe('error');
  });

  it('shows a stored state that failed validation as unhealthy, saying so', () => {
    const health = feedHealth(feed, recoveredState(feed.id, 7, new Date('2024-10-13T00:00:00Z')));
    expect(health).toMatchObject({ status: 'unhealthy', lastError: 'invalid-state', site: 'wire.example' });
  });
});

describe('GET /feeds', () => {
  const noEvents: TimelineReader = {
    async *range() {},
    get: async () => undefined,
    resolve: async () => undefined,
  };
  const secret = 'https://alerts.example/feed?token=s3cr3t';
  const failing = polled({
    configuredUrl: secret,
    url: secret,
    consecutiveFailures: 3,
    lastError: `${secret}: could not connect within 5000 ms`,
    lastErrorCode: 'timeout',
    warnings: ['cache-hint-clamped'],
  });
  const app = createTimelineApp({
    reader: noEvents,
    cursors: new CursorCodec('a-test-secret-of-16+'),
    feeds: { health: async () => [feedHealth({ ...feed, url: secret }, failing)] },
  });

  it('answers each feed’s site and error category, as its schema and the OpenAPI document describe', async () => {
    const response = await app.request('/feeds');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/s3cr3t|token|could not connect/);
    const [health] = FeedHealthSchema.array().parse(JSON.parse(text).feeds);
    expect(health).toMatchObject({
      site: 'alerts.example',
      status: 'failing',
      lastError: 'timeout',
      warnings: ['cache-hint-clamped'],
    });
    const openApi = await (await app.request('/openapi.json')).json();
    const described = openApi.components.schemas.FeedHealth.properties;
    expect(Object.keys(described)).toContain('site');
    expect(Object.keys(described)).not.toContain('url');
    expect(described.lastError.description).toContain('http-404');
  });
});
