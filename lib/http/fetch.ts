import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { assertPublicHost, guardedLookup } from './address-guard.ts';

export const USER_AGENT = 'Dateline/0.1 (+https://github.com/dateline-news/dateline; news timeline bot)';

export interface FetchOptions {
  /** Lets loopback and private addresses through: local fixtures only, never in AWS. */
  allowPrivateNetwork?: boolean;
  headers?: Record<string, string>;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
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
  body: Buffer;
  redirects: Redirect[];
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly code: string,
  ) {
    super(`${url}: ${message}`);
    this.name = 'FetchError';
  }
}

const DEFAULTS = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The one way Dateline reaches the network: http(s) only, every hop's address checked, bounded in
 * time and size (the limit applies to decompressed bytes, so a gzip bomb stops at maxBytes).
 */
export async function guardedFetch(url: string, options: FetchOptions = {}): Promise<FetchedResponse> {
  const settings = { ...DEFAULTS, ...options };
  const signal = AbortSignal.timeout(settings.totalTimeoutMs);
  const redirects: Redirect[] = [];
  let current = url;
  for (;;) {
    const response = await fetchOnce(current, settings, signal);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || !location) return { ...response, url: current, redirects };
    if (redirects.length >= settings.maxRedirects) {
      throw new FetchError(url, `more than ${settings.maxRedirects} redirects`, 'ETOOMANYREDIRECTS');
    }
    const next = new URL(location, current).toString();
    redirects.push({ status: response.status, from: current, to: next });
    current = next;
  }
}

type Settings = typeof DEFAULTS & FetchOptions;

function fetchOnce(
  url: string,
  settings: Settings,
  signal: AbortSignal,
): Promise<Omit<FetchedResponse, 'url' | 'redirects'>> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new FetchError(url, 'not a valid URL', 'EINVALIDURL'));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.reject(new FetchError(url, `protocol ${target.protocol} is not allowed`, 'EPROTOCOL'));
  }
  if (!settings.allowPrivateNetwork) {
    try {
      assertPublicHost(target.hostname);
    } catch (error) {
      return Promise.reject(new FetchError(url, (error as Error).message, 'EBLOCKED'));
    }
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const fail = (error: Error & { code?: string }) =>
      reject(
        error instanceof FetchError ? error : new FetchError(url, error.message, error.code ?? 'EFETCH'),
      );
    const req = request(
      target,
      {
        method: 'GET',
        signal,
        headers: { 'user-agent': USER_AGENT, 'accept-encoding': 'gzip, deflate, br', ...settings.headers },
        ...(settings.allowPrivateNetwork ? {} : { lookup: guardedLookup }),
      },
      (res) => readBody(res, settings.maxBytes, url).then(resolve, fail),
    );
    req.on('error', fail);
    req.setTimeout(settings.connectTimeoutMs, () =>
      req.destroy(new FetchError(url, `no response within ${settings.connectTimeoutMs} ms`, 'ETIMEDOUT')),
    );
    req.end();
  });
}

function decoded(res: IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(createGunzip());
    case 'deflate':
      return res.pipe(createInflate());
    case 'br':
      return res.pipe(createBrotliDecompress());
    default:
      return res;
  }
}

async function readBody(res: IncomingMessage, maxBytes: number, url: string) {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = decoded(res);
  res.on('error', (error) => stream.destroy(error));
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      throw new FetchError(url, `body larger than ${maxBytes} bytes`, 'ETOOLARGE');
    }
    chunks.push(chunk as Buffer);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) };
}
