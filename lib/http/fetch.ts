import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { type AddressPolicy, assertPublicHost, guardedLookup } from './address-guard.ts';
import { flatHeaders, readBody } from './body.ts';
import { ACCEPT_ENCODING } from './decompress.ts';
import { FetchError } from './errors.ts';

export { FetchError } from './errors.ts';

export const USER_AGENT = 'Dateline/0.1 (+https://github.com/dateline-news/dateline; news timeline bot)';

/** For feeds: the feed types first, generic XML next, anything else last (some feeds are served as text/html). */
export const ACCEPT_FEED =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5';
/** For article pages. */
export const ACCEPT_HTML = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export interface FetchOptions extends AddressPolicy {
  /** The Accept header; defaults to ACCEPT_FEED. */
  accept?: string;
  /** Extra request headers (If-None-Match, If-Modified-Since…); they win over the defaults. */
  headers?: Record<string, string>;
  /** DNS, TCP and TLS for one hop, until the socket is ready to send. */
  connectTimeoutMs?: number;
  /** Everything, redirects and the whole body included: a server that trickles bytes forever stops here. */
  totalTimeoutMs?: number;
  /** Body size after decompression, enforced while streaming. */
  maxBytes?: number;
  maxRedirects?: number;
}

export interface Redirect {
  status: number;
  from: string;
  to: string;
}

export interface FetchedResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: Record<string, string>;
  /** Decompressed, at most maxBytes. */
  body: Buffer;
  /** Every hop followed, in order. */
  redirects: Redirect[];
}

const DEFAULTS = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
};

type Settings = typeof DEFAULTS & FetchOptions;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);

/**
 * The final URL to record in place of the requested one, or undefined. Only when every hop was
 * permanent (301/308) and the final answer is usable (2xx or 304): a temporary hop anywhere in the
 * chain, or a redirect to an error page, says nothing about where the feed now lives.
 */
export function permanentUrl(
  response: Pick<FetchedResponse, 'status' | 'url' | 'redirects'>,
): string | undefined {
  const { redirects, status } = response;
  if (redirects.length === 0 || !redirects.every((hop) => PERMANENT.has(hop.status))) return undefined;
  return (status >= 200 && status < 300) || status === 304 ? response.url : undefined;
}

/**
 * The one way Dateline reaches the network: http(s) only, every hop's address checked, bounded in
 * time and size (the limit applies to decompressed bytes, so a gzip bomb stops at maxBytes).
 */
export async function guardedFetch(url: string, options: FetchOptions = {}): Promise<FetchedResponse> {
  const settings: Settings = { ...DEFAULTS, ...options };
  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(
        new FetchError(url, `no complete response within ${settings.totalTimeoutMs} ms`, 'ETIMEDOUT'),
      ),
    settings.totalTimeoutMs,
  );
  try {
    return await follow(url, settings, deadline.signal);
  } catch (error) {
    // A hop's errors already name that hop's URL (the redirect target that was refused, say).
    throw asFetchError(error, url, deadline.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function follow(url: string, settings: Settings, signal: AbortSignal): Promise<FetchedResponse> {
  const redirects: Redirect[] = [];
  let current = url;
  for (;;) {
    const res = await open(current, settings, signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (!REDIRECTS.has(status) || !location) {
      const body = await readBody(res, current, settings.maxBytes, signal);
      return { status, url: current, headers: flatHeaders(res), body, redirects };
    }
    // A redirect's body is never wanted; dropping the socket is cheaper than draining an unknown body.
    res.destroy();
    if (redirects.length >= settings.maxRedirects) {
      throw new FetchError(url, `more than ${settings.maxRedirects} redirects`, 'ETOOMANYREDIRECTS');
    }
    const next = resolveLocation(location, current);
    redirects.push({ status, from: current, to: next });
    current = next;
  }
}

function resolveLocation(location: string, base: string): string {
  try {
    return new URL(location, base).toString();
  } catch (error) {
    throw new FetchError(base, `redirect to an invalid URL: ${location}`, 'EINVALIDURL', { cause: error });
  }
}

/** Checks one hop's URL before any connection: scheme and, for literal IPs, the address. */
function target(url: string, policy: AddressPolicy): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError(url, 'not a valid URL', 'EINVALIDURL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError(url, `protocol ${parsed.protocol} is not allowed`, 'EPROTOCOL');
  }
  try {
    assertPublicHost(parsed.hostname, policy);
  } catch (error) {
    throw new FetchError(url, (error as Error).message, 'EBLOCKED', { cause: error });
  }
  return parsed;
}

/**
 * Keep-alive pools, one per address policy: a socket a lenient policy opened to a private address
 * must never be handed to a request under the strict one (the pool key knows only host and port).
 */
const agents = new Map<string, HttpAgent>();

function agentFor(protocol: string, policy: AddressPolicy): HttpAgent {
  const key = JSON.stringify([
    protocol,
    !!policy.allowPrivateNetwork,
    [...(policy.allowAddresses ?? [])].sort(),
  ]);
  let agent = agents.get(key);
  if (!agent) {
    const lookup = policy.allowPrivateNetwork ? undefined : guardedLookup(policy);
    // As Node's global agent: reuse connections, and drop idle ones after 5 s, before most servers do.
    const settings = { keepAlive: true, timeout: 5_000, ...(lookup ? { lookup } : {}) };
    agent = protocol === 'https:' ? new HttpsAgent(settings) : new HttpAgent(settings);
    agents.set(key, agent);
  }
  return agent;
}

/** Sends one GET and resolves when its response headers arrive. */
function open(url: string, settings: Settings, signal: AbortSignal): Promise<IncomingMessage> {
  const hop = target(url, settings);
  const request = hop.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(hop, {
      method: 'GET',
      signal,
      agent: agentFor(hop.protocol, settings),
      headers: {
        'user-agent': USER_AGENT,
        accept: settings.accept ?? ACCEPT_FEED,
        'accept-encoding': ACCEPT_ENCODING,
        ...settings.headers,
      },
    });
    req.once('response', resolve);
    req.once('error', (error) => reject(asFetchError(error, url, signal)));
    req.once('socket', (socket: Socket) => limitConnect(req, socket, url, settings.connectTimeoutMs));
    req.end();
  });
}

/** A reused keep-alive socket is already connected; a new one gets connectTimeoutMs to get there. */
function limitConnect(req: ReturnType<typeof httpRequest>, socket: Socket, url: string, ms: number): void {
  if (!socket.connecting) return;
  const ready = 'encrypted' in socket ? 'secureConnect' : 'connect';
  const timer = setTimeout(
    () => req.destroy(new FetchError(url, `could not connect within ${ms} ms`, 'ETIMEDOUT')),
    ms,
  );
  const clear = () => clearTimeout(timer);
  socket.once(ready, clear).once('close', clear);
}

/** Every failure leaves as a FetchError with a code; a timeout as the deadline's own error. */
function asFetchError(error: unknown, url: string, signal: AbortSignal): FetchError {
  if (signal.aborted && signal.reason instanceof FetchError) return signal.reason;
  if (error instanceof FetchError) return error;
  const { message, code } = error as NodeJS.ErrnoException;
  return new FetchError(url, message, code ?? 'EFETCH', { cause: error });
}
