import { createHash } from 'node:crypto';
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
    if (this.known && this.now() - this.known.readAt < this.stalenessMs) {
      return Promise.resolve(this.known.version);
    }
    this.pending ??= this.refresh();
    return this.pending;
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
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

/** `"<40 hex>"`: a strong validator of what this version of the store says for this request. */
export function versionEtag(version: number, key: string): string {
  return `"${createHash('sha1').update(`${version}\n${key}`).digest('hex')}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || (ifNoneMatch.match(/"[^"]*"/g)?.includes(etag) ?? false);
}

async function captured(response: Response): Promise<Rendered> {
  return {
    status: response.status,
    headers: [...response.headers],
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

function replay({ status, headers, body }: Rendered, etag: string): Response {
  const response = new Response(body.slice(), { status, headers });
  if (status === 200) response.headers.set('etag', etag);
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
  private readonly rendered: LRUCache<string, Rendered>;
  private readonly inFlight = new Map<string, Promise<Rendered>>();

  constructor(version: () => Promise<number>, options: ListingCacheOptions = {}) {
    this.clock = new VersionClock(version, options.stalenessMs ?? DEFAULT_STALENESS_MS, options.now);
    this.rendered = new LRUCache<string, Rendered>({
      maxSize: options.maxBytes ?? DEFAULT_CACHE_BYTES,
      sizeCalculation: (entry, key) => entry.body.byteLength + key.length * 2 + ENTRY_OVERHEAD,
    });
  }

  /** Bytes the rendered listings hold now (never above `maxBytes`). */
  get bytes(): number {
    return this.rendered.calculatedSize;
  }

  async respond(key: string, ifNoneMatch: string | undefined, render: () => Promise<Response>) {
    const version = await this.clock.current();
    const etag = versionEtag(version, key);
    if (matches(ifNoneMatch, etag)) return new Response(null, { status: 304, headers: { etag } });
    const entryKey = `${version}\n${key}`;
    const entry = this.rendered.get(entryKey) ?? (await this.renderOnce(entryKey, render));
    return replay(entry, etag);
  }

  /** Concurrent misses for one entry share one rendering; only 200s are kept. */
  private renderOnce(entryKey: string, render: () => Promise<Response>): Promise<Rendered> {
    let pending = this.inFlight.get(entryKey);
    if (!pending) {
      pending = render()
        .then(captured)
        .then((entry) => {
          if (entry.status === 200) this.rendered.set(entryKey, entry);
          return entry;
        })
        .finally(() => this.inFlight.delete(entryKey));
      this.inFlight.set(entryKey, pending);
    }
    return pending;
  }
}
