import type { PollHints } from './hints.ts';

/** How politely a feed is polled; the defaults suit news feeds. */
export interface PollPolicy {
  /** Every next poll lies in [minIntervalMs, maxIntervalMs] from now, whatever a feed or server says. */
  minIntervalMs: number;
  maxIntervalMs: number;
  /** Consecutive failures after which a feed is unhealthy and polled only every `unhealthyIntervalMs`. */
  unhealthyAfter: number;
  unhealthyIntervalMs: number;
  /** ± share of an interval added at random, so feeds and retries spread out instead of marching in step. */
  jitter: number;
  /**
   * Messages (articles and credits) queued from one poll, newest first; the rest wait for the next
   * poll. 20,000 keep a 100,000-item feed's poll (2,000 SendMessageBatch calls and their ledger
   * marks, pipelined) well inside the poller's 120 s.
   */
  maxMessagesPerPoll: number;
}

export const DEFAULT_POLICY: PollPolicy = {
  minIntervalMs: 5 * 60_000,
  maxIntervalMs: 24 * 3_600_000,
  unhealthyAfter: 10,
  unhealthyIntervalMs: 24 * 3_600_000,
  jitter: 0.1,
  maxMessagesPerPoll: 20_000,
};

export interface ScheduleInput {
  now: Date;
  /** The interval configured for the feed, or the default. */
  configuredMs: number;
  /** Whether ops set pollEvery explicitly; if not, the feed's observed rhythm may set it. */
  configured: boolean;
  /** Gaps between the feed's recent items, newest first. */
  observedGapsMs?: number[];
  feedTtlMs?: number;
  maxAgeMs?: number;
  retryAfterMs?: number;
  consecutiveFailures: number;
  unhealthy: boolean;
  /** Articles left for the next poll by the per-poll cap: come back at the shortest interval. */
  backlog?: boolean;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function median(values: number[]): number | undefined {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
}

/**
 * The feed's base interval: what ops configured, else half the median gap between its recent items
 * (to see a new item within about half its usual wait), bounded 5 min–24 h.
 */
export function baseIntervalMs(input: ScheduleInput, policy = DEFAULT_POLICY): number {
  const observed = input.configured ? undefined : median(input.observedGapsMs ?? []);
  const interval = observed === undefined ? input.configuredMs : observed / 2;
  return clamp(interval, policy.minIntervalMs, policy.maxIntervalMs);
}

const HINTS = ['feedTtlMs', 'maxAgeMs', 'retryAfterMs'] as const;

/**
 * Hints within [0, maxIntervalMs], and which of them had to be cut: `max-age=31536000` is ordinary
 * on a CDN and must not push a feed a year out; `max-age=300000000000` once gave a poll time past
 * year 9999 that no later read could parse.
 */
export function boundedHints(hints: PollHints, policy = DEFAULT_POLICY) {
  const bounded: PollHints = {};
  const clamped: Array<(typeof HINTS)[number]> = [];
  for (const name of HINTS) {
    const value = hints[name];
    if (value === undefined || Number.isNaN(value)) continue;
    bounded[name] = clamp(value, 0, policy.maxIntervalMs);
    if (value > policy.maxIntervalMs) clamped.push(name);
  }
  return { hints: bounded, clamped };
}

/**
 * When to poll next: the largest of the base interval, the feed's <ttl>, Cache-Control max-age and
 * Retry-After; failures back off exponentially from the base; an unhealthy feed waits a day; a feed
 * with a backlog comes back at the shortest interval. Jitter spreads it all, and the result always
 * lies within the policy's min and max interval (Retry-After included).
 */
export function nextPollAt(input: ScheduleInput, random = Math.random, policy = DEFAULT_POLICY): Date {
  const at = (ms: number) =>
    new Date(input.now.getTime() + clamp(ms, policy.minIntervalMs, policy.maxIntervalMs));
  if (input.unhealthy) return at(policy.unhealthyIntervalMs);
  const { hints } = boundedHints(input, policy);
  const base = input.backlog ? policy.minIntervalMs : baseIntervalMs(input, policy);
  const backoff = input.consecutiveFailures > 0 ? base * 2 ** input.consecutiveFailures : 0;
  const advised = input.backlog ? 0 : Math.max(hints.feedTtlMs ?? 0, hints.maxAgeMs ?? 0);
  const wait = Math.max(base, backoff, advised, hints.retryAfterMs ?? 0);
  const jittered = wait * (1 + policy.jitter * (2 * random() - 1));
  return at(Math.max(jittered, hints.retryAfterMs ?? 0));
}
