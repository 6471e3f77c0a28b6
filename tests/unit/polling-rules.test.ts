import { describe, expect, it } from 'vitest';
import { trimHtml } from '../../lib/articles/index.ts';
import {
  baseIntervalMs,
  DEFAULT_POLICY,
  feedTtlMs,
  HostLimiter,
  maxAgeMs,
  nextPollAt,
  retryAfterMs,
  type ScheduleInput,
} from '../../lib/feeds/index.ts';

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
