/**
 * Why a poll failed, as a short public category: the raw message names the feed's full URL (tokens
 * in its query string) and internals, so it goes to the logs and only this goes to `GET /feeds`.
 */
export type FeedErrorCode =
  | `http-${number}`
  | 'timeout'
  | 'unsafe-address'
  | 'too-large'
  | 'too-many-redirects'
  | 'invalid-url'
  | 'decode-error'
  | 'dns-error'
  | 'network-error'
  | 'parse-error'
  | 'not-a-feed'
  | 'unsupported-format'
  | 'budget-exceeded'
  | 'invalid-state'
  | 'internal-error';

/** FetchError and BlockedAddressError codes (lib/http) by category. */
const FETCH_CODES: Record<string, FeedErrorCode> = {
  ETIMEDOUT: 'timeout',
  EBLOCKED: 'unsafe-address',
  ETOOLARGE: 'too-large',
  ETOOMANYREDIRECTS: 'too-many-redirects',
  EINVALIDURL: 'invalid-url',
  EPROTOCOL: 'invalid-url',
  EDECODE: 'decode-error',
  ENOTFOUND: 'dns-error',
  EAI_AGAIN: 'dns-error',
  ECONNREFUSED: 'network-error',
  ECONNRESET: 'network-error',
  EHOSTUNREACH: 'network-error',
  ENETUNREACH: 'network-error',
  EPIPE: 'network-error',
  EFETCH: 'network-error',
};

/** FeedParseError reasons (lib/feeds/parse.ts). */
const PARSE_REASONS: Record<string, FeedErrorCode> = {
  'malformed-xml': 'parse-error',
  'not-a-feed': 'not-a-feed',
  'unsupported-format': 'unsupported-format',
};

/**
 * The category of an error thrown while polling, read from the typed errors' `code` (and a parse
 * error's `reason`). Anything untyped (storage, the queue) is the service's own fault: `internal-error`.
 * @example classifyError(new FetchError(url, 'no complete response within 20000 ms', 'ETIMEDOUT')) // 'timeout'
 */
export function classifyError(error: unknown): FeedErrorCode {
  const { name, code, reason } = (error ?? {}) as { name?: unknown; code?: unknown; reason?: unknown };
  if (code === 'budget-exceeded') return 'budget-exceeded';
  if (code === 'EFEEDPARSE') return PARSE_REASONS[String(reason)] ?? 'parse-error';
  const known = typeof code === 'string' ? FETCH_CODES[code] : undefined;
  // Any other code on a FetchError is the network's (a reset, an unreachable host).
  return known ?? (name === 'FetchError' ? 'network-error' : 'internal-error');
}

/** The category of an HTTP status the poller treats as a failure. */
export const httpErrorCode = (status: number): FeedErrorCode => `http-${status}`;
