import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { timelineCacheOptions } from '../../functions/timeline/app.ts';
import { codingFor, ListingCache, VersionClock, versionEtag } from '../../lib/timeline/listing-cache.ts';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function counter(initial = 0) {
  let version = initial;
  let reads = 0;
  return {
    read: async () => {
      reads++;
      return version;
    },
    bump: () => version++,
    reads: () => reads,
  };
}

describe('the version clock', () => {
  it('reads the version once per staleness bound, and again after it', async () => {
    const clock = manualClock();
    const store = counter(7);
    const versions = new VersionClock(store.read, 2_000, clock.now);
    expect(await versions.current()).toBe(7);
    store.bump();
    clock.advance(1_999);
    expect(await versions.current()).toBe(7);
    expect(store.reads()).toBe(1);
    clock.advance(1);
    expect(await versions.current()).toBe(8);
    expect(store.reads()).toBe(2);
  });

  it('shares one read among the requests that arrive while it is under way', async () => {
    const store = counter(3);
    const versions = new VersionClock(store.read, 2_000);
    const seen = await Promise.all(Array.from({ length: 50 }, () => versions.current()));
    expect(new Set(seen)).toEqual(new Set([3]));
    expect(store.reads()).toBe(1);
  });

  it('with a bound of 0, reads on every request', async () => {
    const store = counter();
    const versions = new VersionClock(store.read, 0);
    await versions.current();
    await versions.current();
    expect(store.reads()).toBe(2);
  });
});

describe('the rendered-listing cache', () => {
  const page = (text: string) => async () =>
    new Response(text, { headers: { 'content-type': 'text/plain' } });

  it('renders a listing once per version, and again when the version moves', async () => {
    const clock = manualClock();
    const store = counter();
    const cache = new ListingCache(store.read, { stalenessMs: 0, now: clock.now });
    let renders = 0;
    const render = async () => new Response(`rendered ${++renders}`);
    expect(await (await cache.respond('/timeline', undefined, render)).text()).toBe('rendered 1');
    expect(await (await cache.respond('/timeline', undefined, render)).text()).toBe('rendered 1');
    store.bump();
    expect(await (await cache.respond('/timeline', undefined, render)).text()).toBe('rendered 2');
  });

  it('answers 304 to the version’s ETag without rendering, and 200 with a new ETag once it moved', async () => {
    const store = counter(5);
    const cache = new ListingCache(store.read, { stalenessMs: 0 });
    const first = await cache.respond('/timeline', undefined, page('a'));
    const etag = first.headers.get('etag') as string;
    expect(etag).toBe(versionEtag(5, '/timeline'));
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const refuse = async (): Promise<Response> => {
      throw new Error('rendered for a 304');
    };
    expect((await cache.respond('/timeline', `"x", ${etag}`, refuse)).status).toBe(304);
    store.bump();
    const moved = await cache.respond('/timeline', etag, page('b'));
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
  });

  it('gives each normalised request its own ETag', () => {
    expect(versionEtag(1, '/timeline\n?topic=a')).not.toBe(versionEtag(1, '/timeline\n?topic=b'));
    expect(versionEtag(1, '/timeline.atom\n?topic=a')).not.toBe(versionEtag(1, '/timeline.rss\n?topic=a'));
  });

  it('renders a listing once however many requests miss it at the same time', async () => {
    const cache = new ListingCache(counter().read, { stalenessMs: 1_000 });
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return new Response('page');
    };
    await Promise.all(Array.from({ length: 20 }, () => cache.respond('/timeline', undefined, render)));
    expect(renders).toBe(1);
  });

  it('keeps no error: a 400 is rendered again on the next request', async () => {
    const cache = new ListingCache(counter().read, { stalenessMs: 1_000 });
    let renders = 0;
    const render = async () => new Response(`bad ${++renders}`, { status: 400 });
    await cache.respond('/?cursor=x', undefined, render);
    const again = await cache.respond('/?cursor=x', undefined, render);
    expect(again.status).toBe(400);
    expect(again.headers.get('etag')).toBeNull();
    expect(renders).toBe(2);
  });

  it('stays within its byte bound over 10,000 distinct queries, dropping the least recently used', async () => {
    const maxBytes = 2 * 1024 * 1024;
    const cache = new ListingCache(counter().read, { stalenessMs: 60_000, maxBytes });
    const body = 'x'.repeat(4_000);
    let renders = 0;
    const render = async () => {
      renders++;
      return new Response(body);
    };
    for (let n = 0; n < 10_000; n++) await cache.respond(`/timeline\n?q=query-${n}`, undefined, render);
    expect(renders).toBe(10_000);
    expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
    // 40 MB were rendered; the bound holds a few hundred of them, the most recent.
    expect(cache.bytes).toBeGreaterThan(maxBytes / 2);
    await cache.respond('/timeline\n?q=query-9999', undefined, render);
    expect(renders).toBe(10_000);
    await cache.respond('/timeline\n?q=query-0', undefined, render);
    expect(renders).toBe(10_001);
  });
});

const KEPT_ON_304 = ['etag', 'vary', 'access-control-allow-origin'];

describe('answering a request again without the app', () => {
  const render = (text: string) => async () =>
    new Response(text, { headers: { 'content-type': 'application/json' } });
  const sent = (response: Response) => {
    const headers = new Headers(response.headers);
    headers.set('access-control-allow-origin', '*');
    return headers;
  };

  it('replays a 200 as the app sent it, or a 304 for its ETag, while the version is known within the bound', async () => {
    const clock = manualClock();
    const store = counter(4);
    const cache = new ListingCache(store.read, { stalenessMs: 1_000, now: clock.now });
    expect(cache.replayed('GET /timeline', undefined)).toBeUndefined();
    const { response, ticket } = await cache.answer('/timeline', undefined, render('{"events":[]}'));
    expect(ticket).toBeDefined();
    const headers = sent(response);
    cache.remember('GET /timeline', ticket as NonNullable<typeof ticket>, headers, KEPT_ON_304);
    const again = cache.replayed('GET /timeline', undefined) as Response;
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('{"events":[]}');
    expect(Object.fromEntries(again.headers)).toEqual(Object.fromEntries(headers));
    const notModified = cache.replayed('GET /timeline', headers.get('etag') as string) as Response;
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('content-type')).toBeNull();
    expect(notModified.headers.get('access-control-allow-origin')).toBe('*');
    expect(notModified.headers.get('etag')).toBe(headers.get('etag'));
    expect(cache.replayed('GET /timeline?topic=x', undefined)).toBeUndefined();
    // Past the bound the version must be read again: the app answers, not the replay.
    store.bump();
    clock.advance(1_000);
    expect(cache.replayed('GET /timeline', undefined)).toBeUndefined();
    await cache.answer('/timeline', undefined, render('{"events":[1]}'));
    expect(cache.replayed('GET /timeline', undefined)).toBeUndefined();
    expect(store.reads()).toBe(2);
  });

  it('replays nothing with a bound of 0: every request reads the version', async () => {
    const cache = new ListingCache(counter().read, { stalenessMs: 0 });
    const { response, ticket } = await cache.answer('/timeline', undefined, render('{}'));
    cache.remember('GET /timeline', ticket as NonNullable<typeof ticket>, response.headers, KEPT_ON_304);
    expect(cache.replayed('GET /timeline', undefined)).toBeUndefined();
  });

  it('gzips a listing once for clients that accept it, under its own ETag, and says it varies', async () => {
    const cache = new ListingCache(counter(2).read, { stalenessMs: 1_000 });
    const text = JSON.stringify({
      events: Array.from({ length: 40 }, (_, n) => ({ id: n, summary: 'same words' })),
    });
    const plain = await cache.respond('/timeline', undefined, render(text));
    const gzipped = await cache.respond('/timeline', undefined, render('not rendered again'), 'gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('vary')).toBe('accept-encoding');
    expect(gzipped.headers.get('vary')).toBe('accept-encoding');
    const bytes = new Uint8Array(await gzipped.arrayBuffer());
    expect(gunzipSync(bytes).toString()).toBe(text);
    expect(bytes.byteLength).toBeLessThan(text.length / 4);
    expect(gzipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    const etag = gzipped.headers.get('etag') as string;
    expect((await cache.respond('/timeline', etag, render('x'), 'gzip')).status).toBe(304);
    expect((await cache.respond('/timeline', etag, render('x'))).status).toBe(200);
  });

  it('reads Accept-Encoding as browsers, feed readers and CloudFront write it', () => {
    expect(codingFor('gzip, deflate, br')).toBe('gzip');
    expect(codingFor('br;q=1.0, GZIP;q=0.5')).toBe('gzip');
    expect(codingFor('*')).toBe('gzip');
    expect(codingFor('gzip;q=0, *')).toBe('identity');
    expect(codingFor('*;q=0')).toBe('identity');
    expect(codingFor('br, deflate')).toBe('identity');
    expect(codingFor('identity')).toBe('identity');
    expect(codingFor(undefined)).toBe('identity');
    expect(codingFor('')).toBe('identity');
  });
});

describe('the timeline function’s cache settings', () => {
  it('reads the staleness bound and byte budget from the environment, and refuses nonsense', () => {
    expect(timelineCacheOptions({ TIMELINE_STALENESS_MS: '5000', TIMELINE_CACHE_BYTES: '1048576' })).toEqual({
      stalenessMs: 5_000,
      maxBytes: 1_048_576,
    });
    expect(timelineCacheOptions({})).toEqual({ stalenessMs: undefined, maxBytes: undefined });
    expect(() => timelineCacheOptions({ TIMELINE_STALENESS_MS: 'soon' })).toThrow(/TIMELINE_STALENESS_MS/);
    expect(() => timelineCacheOptions({ TIMELINE_STALENESS_MS: '-1' })).toThrow(/TIMELINE_STALENESS_MS/);
  });
});
