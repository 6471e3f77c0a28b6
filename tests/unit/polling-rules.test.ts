import { describe, expect, it } from 'vitest';
import { trimHtml } from '../../lib/articles/index.ts';
import { BudgetExceededError } from '../../lib/budget/index.ts';
import {
  baseIntervalMs,
  boundedEntries,
  boundedHints,
  classifyError,
  DEFAULT_POLICY,
  FeedParseError,
  feedTtlMs,
  freshnessMs,
  HostLimiter,
  itemDate,
  maxAgeMs,
  nextPollAt,
  retryAfterMs,
  type ScheduleInput,
} from '../../lib/feeds/index.ts';
import { BlockedAddressError, FetchError } from '../../lib/http/index.ts';

const MIN = 60_000;
const now = new Date('2024-10-13T12:00:00Z');
const noJitter = () => 0.5;
const input = (changes: Partial<ScheduleInput> = {}): ScheduleInput => ({
  now,
  configuredMs: 10 * MIN,
  configured: false,
  consecutiveFailures: 0,
  unhealthy: false,
  ...changes,
});
const waitMs = (changes: Partial<ScheduleInput>) =>
  nextPollAt(input(changes), noJitter).getTime() - now.getTime();

describe('when to poll next', () => {
  it('takes the configured interval, or half the feed’s usual gap when ops set none, within 5 min–24 h', () => {
    expect(baseIntervalMs(input({ configured: true, observedGapsMs: [60 * MIN] }))).toBe(10 * MIN);
    expect(baseIntervalMs(input({ observedGapsMs: [60 * MIN, 80 * MIN, 40 * MIN] }))).toBe(30 * MIN);
    expect(baseIntervalMs(input({ observedGapsMs: [MIN, MIN] }))).toBe(5 * MIN);
    expect(baseIntervalMs(input({ observedGapsMs: [7 * 24 * 60 * MIN] }))).toBe(24 * 60 * MIN);
  });

  it('waits for the largest of interval, ttl, max-age and Retry-After', () => {
    expect(waitMs({})).toBe(10 * MIN);
    expect(waitMs({ feedTtlMs: 60 * MIN })).toBe(60 * MIN);
    expect(waitMs({ maxAgeMs: 30 * MIN, feedTtlMs: 20 * MIN })).toBe(30 * MIN);
    expect(waitMs({ retryAfterMs: 2 * 60 * MIN })).toBe(2 * 60 * MIN);
  });

  it('backs off exponentially on failures, capped at a day, and waits a day when unhealthy', () => {
    expect(waitMs({ consecutiveFailures: 1 })).toBe(20 * MIN);
    expect(waitMs({ consecutiveFailures: 3 })).toBe(80 * MIN);
    expect(waitMs({ consecutiveFailures: 20 })).toBe(DEFAULT_POLICY.maxIntervalMs);
    expect(waitMs({ unhealthy: true })).toBe(DEFAULT_POLICY.unhealthyIntervalMs);
  });

  it('spreads polls by up to ±10%, never earlier than Retry-After', () => {
    const early = nextPollAt(input(), () => 0).getTime() - now.getTime();
    const late = nextPollAt(input(), () => 1).getTime() - now.getTime();
    expect([early, late]).toEqual([9 * MIN, 11 * MIN]);
    expect(nextPollAt(input({ retryAfterMs: 30 * MIN }), () => 0).getTime() - now.getTime()).toBe(30 * MIN);
  });
});

describe('bounds on what feeds and servers say', () => {
  const DAY = 24 * 60 * MIN;
  const { minIntervalMs, maxIntervalMs } = DEFAULT_POLICY;

  it('keeps every next poll within the min and max interval, whatever the hints', () => {
    const huge = [31_536_000_000, 300_000_000_000_000, Number.MAX_VALUE, Number.POSITIVE_INFINITY];
    for (const value of huge) {
      for (const hint of ['maxAgeMs', 'feedTtlMs', 'retryAfterMs'] as const) {
        for (const random of [() => 0, () => 0.5, () => 1]) {
          const wait = nextPollAt(input({ [hint]: value }), random).getTime() - now.getTime();
          // Jitter may bring it in by a tenth, never past the longest interval.
          expect(wait).toBeLessThanOrEqual(maxIntervalMs);
          expect(wait).toBeGreaterThanOrEqual(maxIntervalMs * 0.9);
        }
      }
    }
    expect(nextPollAt(input({ configuredMs: 0, configured: true }), () => 0).getTime() - now.getTime()).toBe(
      minIntervalMs,
    );
    expect(nextPollAt(input({ consecutiveFailures: 5_000 }), () => 1).getTime() - now.getTime()).toBe(
      maxIntervalMs,
    );
  });

  it('says which hints it had to cut', () => {
    expect(boundedHints({ maxAgeMs: 365 * DAY, retryAfterMs: 60 * MIN })).toEqual({
      hints: { maxAgeMs: maxIntervalMs, retryAfterMs: 60 * MIN },
      clamped: ['maxAgeMs'],
    });
    expect(boundedHints({ feedTtlMs: 10 * MIN }).clamped).toEqual([]);
  });

  it('comes back at the shortest interval while a backlog waits, still honouring Retry-After', () => {
    expect(waitMs({ backlog: true, maxAgeMs: 6 * 60 * MIN })).toBe(minIntervalMs);
    expect(waitMs({ backlog: true, retryAfterMs: 30 * MIN })).toBe(30 * MIN);
  });

  it('believes an item date from 1970 to two days ahead, and no other', () => {
    expect(itemDate('2024-10-13T10:00:00Z', now)).toBe('2024-10-13T10:00:00.000Z');
    expect(itemDate('Tue, 15 Oct 2024 11:00:00 GMT', now)).toBe('2024-10-15T11:00:00.000Z');
    expect(itemDate('Tue, 15 Oct 2024 12:00:01 GMT', now)).toBeUndefined();
    expect(itemDate('Sat, 01 Jan 10000 00:00:00 GMT', now)).toBeUndefined();
    expect(itemDate('1969-12-31T23:59:59Z', now)).toBeUndefined();
    expect(itemDate('not a date', now)).toBeUndefined();
  });

  it('reads an entry dated outside the window as undated, and counts it', () => {
    const { entries, refused } = boundedEntries(
      [
        { title: 'far', html: '', publishedAt: '+010000-01-01T00:00:00.000Z', utcOffsetMinutes: 60 },
        { title: 'fine', html: '', publishedAt: '2024-10-12T00:00:00.000Z' },
        { title: 'undated', html: '' },
      ],
      now,
    );
    expect(refused).toBe(1);
    expect(entries.map((e) => [e.title, e.publishedAt, e.utcOffsetMinutes])).toEqual([
      ['far', undefined, undefined],
      ['fine', '2024-10-12T00:00:00.000Z', undefined],
      ['undated', undefined, undefined],
    ]);
  });
});

describe('why a poll failed, by category', () => {
  const url = 'https://feeds.example/rss?token=abc';
  it('reads the typed errors’ codes', () => {
    expect(classifyError(new FetchError(url, 'no complete response', 'ETIMEDOUT'))).toBe('timeout');
    expect(classifyError(new FetchError(url, 'private', 'EBLOCKED'))).toBe('unsafe-address');
    expect(classifyError(new BlockedAddressError('h', '10.0.0.1', 'private'))).toBe('unsafe-address');
    expect(classifyError(new FetchError(url, 'too big', 'ETOOLARGE'))).toBe('too-large');
    expect(classifyError(new FetchError(url, 'reset', 'ECONNRESET'))).toBe('network-error');
    expect(classifyError(new FetchError(url, 'odd', 'UND_ERR_SOCKET'))).toBe('network-error');
    expect(classifyError(new FeedParseError('malformed-xml', 'x'))).toBe('parse-error');
    expect(classifyError(new FeedParseError('not-a-feed', 'an HTML page'))).toBe('not-a-feed');
    expect(classifyError(new BudgetExceededError('feed-parse', 'too deep'))).toBe('budget-exceeded');
    expect(classifyError(new Error('ProvisionedThroughputExceededException'))).toBe('internal-error');
  });
});

describe('what feeds and servers say', () => {
  it('reads <ttl> and sy:updatePeriod/updateFrequency', () => {
    expect(feedTtlMs('<rss><channel><ttl>60</ttl></channel></rss>')).toBe(60 * MIN);
    expect(
      feedTtlMs('<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>'),
    ).toBe(30 * MIN);
    expect(feedTtlMs('<sy:updatePeriod>daily</sy:updatePeriod>')).toBe(24 * 60 * MIN);
    expect(feedTtlMs('<rss><channel></channel></rss>')).toBeUndefined();
  });

  it('reads Cache-Control max-age and Retry-After as seconds or a date', () => {
    expect(maxAgeMs('public, max-age=900')).toBe(900_000);
    expect(maxAgeMs('no-cache')).toBeUndefined();
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Sun, 13 Oct 2024 12:05:00 GMT', now)).toBe(5 * MIN);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });

  it('reads Expires when there is no max-age', () => {
    expect(freshnessMs({ expires: 'Sun, 13 Oct 2024 12:30:00 GMT' }, now)).toBe(30 * MIN);
    // 'Expires: 0' (already expired) asks for nothing.
    expect(freshnessMs({ expires: '0' }, now)).toBe(0);
    expect(
      freshnessMs({ expires: 'Sun, 13 Oct 2024 12:30:00 GMT', 'cache-control': 'max-age=60' }, now),
    ).toBe(60_000);
  });
});

describe('HostLimiter', () => {
  it('lets at most two requests run at once against one host, others unlimited', async () => {
    const limiter = new HostLimiter(2);
    let running = 0;
    let peak = 0;
    const task = () =>
      limiter.run('news.example', async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running--;
      });
    await Promise.all(Array.from({ length: 7 }, task));
    expect(peak).toBe(2);

    // Others unlimited: with that host full and a third request queued, every other host's runs.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const started: string[] = [];
    const busy = [0, 1, 2].map((i) =>
      limiter.run('news.example', async () => {
        started.push(`news#${i}`);
        await held;
      }),
    );
    const others = Array.from({ length: 20 }, (_, i) => `site${i}.example`);
    await Promise.all(others.map((host) => limiter.run(host, async () => started.push(host))));
    expect(started).toEqual(['news#0', 'news#1', ...others]);
    release();
    await Promise.all(busy);
    expect(started.at(-1)).toBe('news#2');
  });
});

describe('trimHtml', () => {
  it('leaves a message-sized article alone', () => {
    expect(trimHtml('<p>Short.</p>')).toEqual({ html: '<p>Short.</p>', trimmed: false });
  });

  it('cuts an over-size article at the last sentence or block boundary within the byte budget', () => {
    const paragraph = '<p>Сирени звучали над Києвом. Енергетики працювали всю ніч.</p>';
    const html = paragraph.repeat(4000);
    const { html: cut, trimmed } = trimHtml(html, 50_000);
    expect(trimmed).toBe(true);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(50_000);
    expect(cut.endsWith('</p>') || /[.!?]$/.test(cut)).toBe(true);
    expect(html.startsWith(cut)).toBe(true);
  });
});
