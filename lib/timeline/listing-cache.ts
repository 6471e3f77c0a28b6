import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

/** How stale a listing may be at the origin, unless configured: a new event shows within 2 s. */
export const DEFAULT_STALENESS_MS = 2_000;
/** Rendered listings kept per instance: a few thousand first pages, well inside a 512 MB Lambda. */
export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;
/** What one entry costs beyond its body: key, headers, the cache's own bookkeeping. */
const ENTRY_OVERHEAD = 512;

export interface ListingCacheOptions {
  /** The longest a listing may lag the store; 0 reads the version on every request. */
  stalenessMs?: number;
  /** The most the rendered listings may hold, bodies and keys counted in bytes. */
  maxBytes?: number;
  now?: () => number;
}

/**
 * The store's version as read at most `stalenessMs` ago: most requests read nothing, and all the
 * requests arriving while it is being read share that one read.
 */
export class VersionClock {
  private known?: { version: number; readAt: number };
  private pending?: Promise<number>;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly stalenessMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<number> {
    const fresh = this.fresh();
    if (fresh !== undefined) return Promise.resolve(fresh);
    this.pending ??= this.refresh();
    return this.pending;
  }

  /** The version, if it was read within the bound; undefined when the next request must read it. */
  fresh(): number | undefined {
    if (this.known && this.now() - this.known.readAt < this.stalenessMs) return this.known.version;
    return undefined;
  }

  private async refresh(): Promise<number> {
    // Timed from before the read: the version holds every write made before this instant.
    const readAt = this.now();
    try {
      const version = await this.read();
      this.known = { version, readAt };
      return version;
    } finally {
      this.pending = undefined;
    }
  }
}

interface Rendered {
  kind: 'rendered';
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
  /** The body gzipped, made the first time a client that accepts it asks. */
  gzip?: Uint8Array<ArrayBuffer>;
}

/** How a listing's bytes travel: as rendered, or gzipped for a client that says it accepts gzip. */
export type Coding = 'identity' | 'gzip';

/**
 * `gzip` when an Accept-Encoding header accepts it (`gzip`, `gzip;q=0.5`, `*`), not when it refuses
 * it (`gzip;q=0`) or says nothing: what every browser, feed reader and CloudFront sends.
 */
export function codingFor(acceptEncoding: string | undefined): Coding {
  let star = false;
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((text) => text.trim());
    const refused = params.some((param) => /^q=0(\.0*)?$/.test(param));
    if (name === 'gzip') return refused ? 'identity' : 'gzip';
    if (name === '*') star = !refused;
  }
  return star ? 'gzip' : 'identity';
}

/** Which rendered listing a 200 came from: its version, cache entry, coding and ETag. */
export interface ListingTicket {
  version: number;
  entryKey: string;
  coding: Coding;
  etag: string;
}

/**
 * A listing's 200 as it left the app (every header the app's middleware added), for the request
 * that asked for it, spelled as it was sent: the same request at the same version gets it again
 * without routing, validation or middleware. The body stays in its rendered entry.
 */
interface Served extends ListingTicket {
  kind: 'served';
  headers: Record<string, string>;
  /** What a 304 to the same request carries. */
  notModified: Record<string, string>;
}

/**
 * `"<40 hex>"`: a strong validator of what this version of the store says for this request, in this
 * coding (gzipped bytes are another representation, so they have their own tag).
 */
export function versionEtag(version: number, key: string, coding: Coding = 'identity'): string {
  const coded = coding === 'identity' ? key : `${key}\n${coding}`;
  return `"${createHash('sha1').update(`${version}\n${coded}`).digest('hex')}"`;
}

/** Listings vary with the coding asked for; said on every answer, 304s too, so caches keep both. */
const VARY = 'accept-encoding';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || (ifNoneMatch.match(/"[^"]*"/g)?.includes(etag) ?? false);
}

async function captured(response: Response): Promise<Rendered> {
  return {
    kind: 'rendered',
    status: response.status,
    headers: [...response.headers],
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

function sizeOf(entry: Rendered | Served): number {
  if (entry.kind === 'rendered') return entry.body.byteLength + (entry.gzip?.byteLength ?? 0);
  const text = (headers: Record<string, string>) =>
    Object.entries(headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);
  return (text(entry.headers) + text(entry.notModified) + entry.entryKey.length) * 2;
}

function replay({ status, headers, body, gzip }: Rendered, etag: string, coding: Coding): Response {
  const coded = coding === 'gzip' && gzip ? gzip : body;
  const response = new Response(coded.slice(), { status, headers });
  if (status !== 200) return response;
  response.headers.set('etag', etag);
  response.headers.set('vary', VARY);
  if (coded === gzip) response.headers.set('content-encoding', 'gzip');
  return response;
}

/**
 * Listings rendered once per store version and request: keyed by the version and the request's
 * normalised form (`key`: representation, origin, canonical query), bounded in bytes, least recently
 * used first out. A request whose If-None-Match names the version's ETag is answered 304 without
 * reading an event.
 */
export class ListingCache {
  private readonly clock: VersionClock;
  /** Rendered listings under `R\n<version>\n<key>`, served requests under `S\n<request>`: one byte bound. */
  private readonly entries: LRUCache<string, Rendered | Served>;
  private readonly inFlight = new Map<string, Promise<Rendered>>();

  constructor(version: () => Promise<number>, options: ListingCacheOptions = {}) {
    this.clock = new VersionClock(version, options.stalenessMs ?? DEFAULT_STALENESS_MS, options.now);
    this.entries = new LRUCache<string, Rendered | Served>({
      maxSize: options.maxBytes ?? DEFAULT_CACHE_BYTES,
      sizeCalculation: (entry, key) => sizeOf(entry) + key.length * 2 + ENTRY_OVERHEAD,
    });
  }

  /** Bytes the rendered listings hold now (never above `maxBytes`). */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  async respond(
    key: string,
    ifNoneMatch: string | undefined,
    render: () => Promise<Response>,
    coding: Coding = 'identity',
  ) {
    return (await this.answer(key, ifNoneMatch, render, coding)).response;
  }

  /** The answer, and for a 200 the ticket that lets `remember` replay it to the same request. */
  async answer(
    key: string,
    ifNoneMatch: string | undefined,
    render: () => Promise<Response>,
    coding: Coding = 'identity',
  ): Promise<{ response: Response; ticket?: ListingTicket }> {
    const version = await this.clock.current();
    const etag = versionEtag(version, key, coding);
    if (matches(ifNoneMatch, etag)) {
      return { response: new Response(null, { status: 304, headers: { etag, vary: VARY } }) };
    }
    const entryKey = `R\n${version}\n${key}`;
    let entry = this.rendered(entryKey) ?? (await this.renderOnce(entryKey, render));
    if (entry.status !== 200) return { response: replay(entry, etag, 'identity') };
    if (coding === 'gzip' && !entry.gzip) entry = this.gzipped(entryKey, entry);
    return { response: replay(entry, etag, coding), ticket: { version, entryKey, coding, etag } };
  }

  /** Compressed once per entry, and kept with it: the byte bound counts both. */
  private gzipped(entryKey: string, entry: Rendered): Rendered {
    const gzip = new Uint8Array(gzipSync(entry.body));
    const both = { ...entry, gzip };
    if (this.entries.has(entryKey)) this.entries.set(entryKey, both);
    return both;
  }

  /**
   * Keeps the 200 the app sent (`headers`: all of them, as they left it) for `request`: the request
   * as sent (URL and whatever else its answer depends on), so `replayed` can answer it again; a 304
   * to it keeps the headers `keptOn304` names.
   */
  remember(request: string, ticket: ListingTicket, headers: Headers, keptOn304: readonly string[]): void {
    const all = Object.fromEntries(headers);
    const notModified = Object.fromEntries(Object.entries(all).filter(([name]) => keptOn304.includes(name)));
    this.entries.set(`S\n${request}`, { kind: 'served', ...ticket, headers: all, notModified });
  }

  /**
   * The answer to `request` when it was answered 200 at the version known within the bound, and
   * that rendering is still kept: the same bytes and headers, or a 304 for its ETag. Synchronous, no
   * read: undefined when the version must be read first, or the request is new.
   */
  replayed(request: string, ifNoneMatch: string | undefined): Response | undefined {
    const version = this.clock.fresh();
    if (version === undefined) return undefined;
    const served = this.entries.get(`S\n${request}`);
    if (served?.kind !== 'served' || served.version !== version) return undefined;
    if (matches(ifNoneMatch, served.etag))
      return new Response(null, { status: 304, headers: served.notModified });
    const entry = this.rendered(served.entryKey);
    const body = served.coding === 'gzip' ? entry?.gzip : entry?.body;
    return body && new Response(body, { status: 200, headers: served.headers });
  }

  private rendered(entryKey: string): Rendered | undefined {
    const entry = this.entries.get(entryKey);
    return entry?.kind === 'rendered' ? entry : undefined;
  }

  /** Concurrent misses for one entry share one rendering; only 200s are kept. */
  private renderOnce(entryKey: string, render: () => Promise<Response>): Promise<Rendered> {
    let pending = this.inFlight.get(entryKey);
    if (!pending) {
      pending = render()
        .then(captured)
        .then((entry) => {
          if (entry.status === 200) this.entries.set(entryKey, entry);
          return entry;
        })
        .finally(() => this.inFlight.delete(entryKey));
      this.inFlight.set(entryKey, pending);
    }
    return pending;
  }
}
