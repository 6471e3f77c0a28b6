/**
 * What a feed and its server say about how often to come back, as they say it: any value, up to
 * `max-age=300000000000`. The schedule bounds them (`boundedHints`) before they reach a poll time.
 */
export interface PollHints {
  /** RSS <ttl> or sy:updatePeriod/sy:updateFrequency. */
  feedTtlMs?: number;
  /** Cache-Control max-age, or else Expires. */
  maxAgeMs?: number;
  /** Retry-After on 429/503, for the whole host. */
  retryAfterMs?: number;
}

const MINUTE = 60_000;
const PERIOD_MS: Record<string, number> = {
  hourly: 60 * MINUTE,
  daily: 1_440 * MINUTE,
  weekly: 10_080 * MINUTE,
  monthly: 43_200 * MINUTE,
  yearly: 525_600 * MINUTE,
};

/** The feed's own advice: <ttl> minutes, or sy:updatePeriod divided by sy:updateFrequency. */
export function feedTtlMs(xml: string): number | undefined {
  const head = xml.slice(0, 20_000);
  const ttl = /<ttl>\s*(\d{1,6})\s*<\/ttl>/i.exec(head);
  if (ttl) return Number(ttl[1]) * MINUTE;
  const period = /<sy:updatePeriod>\s*(\w+)\s*<\/sy:updatePeriod>/i.exec(head)?.[1]?.toLowerCase();
  if (!period || !PERIOD_MS[period]) return undefined;
  const frequency =
    Number(/<sy:updateFrequency>\s*(\d{1,4})\s*<\/sy:updateFrequency>/i.exec(head)?.[1] ?? 1) || 1;
  return PERIOD_MS[period] / frequency;
}

export function maxAgeMs(cacheControl: string | undefined): number | undefined {
  const seconds = /(?:^|,)\s*(?:s-)?max-age\s*=\s*(\d+)/i.exec(cacheControl ?? '')?.[1];
  return seconds === undefined ? undefined : Number(seconds) * 1000;
}

/** How long the response stays fresh: Cache-Control max-age, else Expires (an HTTP date) from now. */
export function freshnessMs(headers: Record<string, string | undefined>, now: Date): number | undefined {
  const maxAge = maxAgeMs(headers['cache-control']);
  if (maxAge !== undefined || !headers.expires) return maxAge;
  const at = Date.parse(headers.expires);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Retry-After as seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
