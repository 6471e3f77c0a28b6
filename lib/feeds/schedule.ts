/** How politely a feed is polled; the defaults suit news feeds. */
export interface PollPolicy {
  minIntervalMs: number;
  maxIntervalMs: number;
  /** Consecutive failures after which a feed is unhealthy and polled only every `unhealthyIntervalMs`. */
  unhealthyAfter: number;
  unhealthyIntervalMs: number;
  /** ± share of an interval added at random, so feeds and retries spread out instead of marching in step. */
  jitter: number;
}

export const DEFAULT_POLICY: PollPolicy = {
  minIntervalMs: 5 * 60_000,
  maxIntervalMs: 24 * 3_600_000,
  unhealthyAfter: 10,
  unhealthyIntervalMs: 24 * 3_600_000,
  jitter: 0.1,
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

/**
 * When to poll next: the largest of the base interval, the feed's <ttl>, Cache-Control max-age and
 * Retry-After; failures back off exponentially from the base (capped at a day); an unhealthy feed
 * waits a day. Jitter spreads it all.
 */
export function nextPollAt(input: ScheduleInput, random = Math.random, policy = DEFAULT_POLICY): Date {
  if (input.unhealthy) return new Date(input.now.getTime() + policy.unhealthyIntervalMs);
  const base = baseIntervalMs(input, policy);
  const backoff =
    input.consecutiveFailures > 0 ? Math.min(base * 2 ** input.consecutiveFailures, policy.maxIntervalMs) : 0;
  const wait = Math.max(base, backoff, input.feedTtlMs ?? 0, input.maxAgeMs ?? 0, input.retryAfterMs ?? 0);
  const jittered = wait * (1 + policy.jitter * (2 * random() - 1));
  return new Date(input.now.getTime() + Math.max(jittered, input.retryAfterMs ?? 0));
}
