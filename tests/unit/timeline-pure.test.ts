import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CursorCodec,
  type CursorPosition,
  InvalidCursorError,
  pageTimeline,
  type RangeRequest,
  sortDate,
  sortKeyBounds,
  sortKeyOf,
  type TimelineEvent,
  TimelineQuerySchema,
} from '../../lib/timeline/index.ts';
import { canonicalRedirect, searchOf, undecodableParams } from '../../lib/timeline/query.ts';
import { anAccount, anEvent } from '../support/accounts.ts';

describe('CursorCodec', () => {
  const codec = new CursorCodec('first-secret');
  const position: CursorPosition = {
    k: '2024-06-18#evt_0123456789abcdef01234567',
    o: 'desc',
    f: 'topic=russia',
  };

  it('round-trips a position', () => {
    const cursor = codec.encode(position);
    expect(codec.decode(cursor)).toEqual(position);
  });

  it('produces an opaque, URL-safe string', () => {
    const cursor = codec.encode(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('russia');
  });

  it('rejects a cursor whose payload was changed', () => {
    const [, signature] = codec.encode(position).split('.');
    const forged = Buffer.from(JSON.stringify({ ...position, k: '9999-12-31#evt_ff' })).toString('base64url');
    expect(() => codec.decode(`${forged}.${signature}`)).toThrow(InvalidCursorError);
  });

  it('rejects a cursor whose signature was changed', () => {
    const [payload, signature = ''] = codec.encode(position).split('.');
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(() => codec.decode(`${payload}.${flipped}`)).toThrow(InvalidCursorError);
    expect(() => codec.decode(`${payload}.${signature.slice(0, -4)}`)).toThrow(InvalidCursorError);
  });

  it('rejects a cursor issued with another secret', () => {
    const other = new CursorCodec('second-secret').encode(position);
    expect(() => codec.decode(other)).toThrow(InvalidCursorError);
  });

  it('rejects malformed cursors', () => {
    for (const cursor of ['', 'abc', 'a.b.c', '.', `${codec.encode(position)}.extra`]) {
      expect(() => codec.decode(cursor), cursor).toThrow(InvalidCursorError);
    }
  });

  it('rejects a correctly signed payload that is not a position', () => {
    // Someone holding the secret (or a bug) signing the wrong shape must still not get through.
    const payload = Buffer.from(JSON.stringify({ k: '', o: 'sideways', f: 1 })).toString('base64url');
    const signature = createHmac('sha256', 'first-secret').update(payload).digest().subarray(0, 16);
    expect(() => codec.decode(`${payload}.${signature.toString('base64url')}`)).toThrow(InvalidCursorError);
    // The same construction with a valid position is accepted, so the rejection above is about the shape.
    const good = Buffer.from(JSON.stringify(position)).toString('base64url');
    const goodSignature = createHmac('sha256', 'first-secret').update(good).digest().subarray(0, 16);
    expect(codec.decode(`${good}.${goodSignature.toString('base64url')}`)).toEqual(position);
  });
});

describe('TimelineQuerySchema', () => {
  it('defaults to descending order and 50 events', () => {
    expect(TimelineQuerySchema.parse({})).toEqual({ order: 'desc', limit: 50 });
  });

  it('reads a full query string', () => {
    expect(
      TimelineQuerySchema.parse({
        from: '2024-06-01',
        to: '2024-10-31',
        topic: ' Russia ',
        feed: 'east-wire',
        q: 'troops',
        order: 'asc',
        limit: '200',
        cursor: 'abc.def',
      }),
    ).toEqual({
      from: '2024-06-01',
      to: '2024-10-31',
      topic: 'russia',
      feed: 'east-wire',
      q: 'troops',
      order: 'asc',
      limit: 200,
      cursor: 'abc.def',
    });
  });

  it('accepts the bounds of limit', () => {
    expect(TimelineQuerySchema.parse({ limit: '1' }).limit).toBe(1);
    expect(TimelineQuerySchema.parse({ limit: '200' }).limit).toBe(200);
  });

  it('rejects a limit outside 1–200 or not a whole number, naming limit', () => {
    for (const limit of ['0', '201', 'abc', '2.5', '-1']) {
      const result = TimelineQuerySchema.safeParse({ limit });
      expect(result.success, limit).toBe(false);
      expect(result.error?.issues[0]?.path, limit).toEqual(['limit']);
    }
  });

  it('rejects an unknown order', () => {
    expect(TimelineQuerySchema.safeParse({ order: 'newest' }).success).toBe(false);
  });

  it('rejects from after to, naming to', () => {
    const result = TimelineQuerySchema.safeParse({ from: '2024-10-02', to: '2024-10-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['to']);
  });

  it('accepts from equal to to (both inclusive)', () => {
    expect(TimelineQuerySchema.safeParse({ from: '2024-10-01', to: '2024-10-01' }).success).toBe(true);
  });

  it('rejects dates that are not on the calendar or not YYYY-MM-DD', () => {
    for (const from of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-6-18',
      '18/06/2024',
      '2024-06',
    ]) {
      const result = TimelineQuerySchema.safeParse({ from });
      expect(result.success, from).toBe(false);
      expect(result.error?.issues[0]?.path, from).toEqual(['from']);
    }
    expect(TimelineQuerySchema.safeParse({ to: '2024-02-30' }).success).toBe(false);
  });

  it('accepts 29 February in a leap year', () => {
    expect(TimelineQuerySchema.safeParse({ from: '2024-02-29' }).success).toBe(true);
  });

  it('rejects empty filters rather than treating them as filters', () => {
    expect(TimelineQuerySchema.safeParse({ topic: '   ' }).success).toBe(false);
    expect(TimelineQuerySchema.safeParse({ q: '' }).success).toBe(false);
  });
});

describe('one URL per listing', () => {
  it('reads limit only as plain digits: 5e1, " 50", +50, 0x32 and 50.0 are not 50', () => {
    for (const limit of ['5e1', ' 50', '+50', '0x32', '50.0', '５０']) {
      const result = TimelineQuerySchema.safeParse({ limit });
      expect(result.success, limit).toBe(false);
      expect(result.error?.issues[0]?.path, limit).toEqual(['limit']);
    }
    expect(TimelineQuerySchema.parse({ limit: '050' }).limit).toBe(50);
  });

  it('refuses a parameter it does not know, case variants included, naming it', () => {
    const result = TimelineQuerySchema.safeParse({ utm: '1', LIMIT: '5', topic: 'summit' });
    expect(result.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['utm', 'LIMIT'] }]);
  });

  it('finds pairs that are not percent-encoded UTF-8, by the name sent, and skips nameless ones', () => {
    expect(undecodableParams('?q=%ZZ&topic=a&%E0%A4%A=1&limit=5&=%ZZ')).toEqual(['q', '%E0%A4%A']);
    expect(undecodableParams('?q=a+b%20c&topic=%C3%A9')).toEqual([]);
  });

  const filters = fc.record(
    {
      from: fc.constantFrom('2024-06-01', '2024-02-29'),
      to: fc.constantFrom('2024-10-31', '2024-12-31'),
      topic: fc.constantFrom('Defence', ' north-korea ', 'ÉCONOMIE'),
      feed: fc.constantFrom('wire-desk', ' harbour '),
      q: fc.string({ minLength: 1, maxLength: 30 }).filter((q) => q.trim() !== ''),
      order: fc.constantFrom('asc', 'desc'),
      limit: fc.integer({ min: 1, max: 200 }).map(String),
      cursor: fc.constantFrom('abc.def', 'x_y-z.0'),
    },
    { requiredKeys: [] },
  );

  it('every way of writing a listing leads to one URL, and that URL is final', () => {
    fc.assert(
      fc.property(filters, fc.func(fc.integer()), (given, shuffleKey) => {
        const query = TimelineQuerySchema.parse(given);
        const canonical = searchOf(query);
        // Reordered, encoded by hand rather than by URLSearchParams: the same listing.
        const pairs = Object.entries(given).sort(([a], [b]) => shuffleKey(a) - shuffleKey(b));
        const written = pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
        const location = canonicalRedirect('/timeline', written ? `?${written}` : '', query);
        expect(location ?? `/timeline${written ? `?${written}` : ''}`).toBe(`/timeline${canonical}`);
        const again = TimelineQuerySchema.parse(Object.fromEntries(new URLSearchParams(canonical)));
        expect(again).toEqual(query);
        expect(canonicalRedirect('/timeline', canonical, again)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});

describe('sortDate and sortKeyOf', () => {
  it('leaves a day as it is', () => {
    expect(sortDate('2024-06-18')).toBe('2024-06-18');
  });

  it('sorts a month as day 00 and a year as 00-00', () => {
    expect(sortDate('2024-06')).toBe('2024-06-00');
    expect(sortDate('2024')).toBe('2024-00-00');
  });

  it('puts a month before its first day and a year before its first month', () => {
    const ordered = ['2024', '2024-01', '2024-01-01', '2024-06', '2024-06-01', '2024-06-18', '2025'];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort((a, b) => (sortDate(a) < sortDate(b) ? -1 : 1))).toEqual(ordered);
  });

  it('builds the key from the sort date and the id', () => {
    expect(sortKeyOf({ date: '2024-06', id: 'evt_abc' })).toBe('2024-06-00#evt_abc');
  });
});

describe('sortKeyBounds', () => {
  const key = (date: string) => sortKeyOf({ date, id: 'evt_0123456789abcdef01234567' });
  const within = (bounds: { lower: string; upper: string }, date: string) =>
    key(date) >= bounds.lower && key(date) <= bounds.upper;

  it('is open-ended without bounds', () => {
    const bounds = sortKeyBounds();
    for (const date of ['1900', '2024-06', '2024-06-18', '2999-12-31'])
      expect(within(bounds, date), date).toBe(true);
  });

  it('includes both ends of a day range', () => {
    const bounds = sortKeyBounds('2024-06-10', '2024-06-20');
    expect(within(bounds, '2024-06-10')).toBe(true);
    expect(within(bounds, '2024-06-20')).toBe(true);
    expect(within(bounds, '2024-06-09')).toBe(false);
    expect(within(bounds, '2024-06-21')).toBe(false);
  });

  it("takes in the month's own entries when the range starts on the 1st", () => {
    const bounds = sortKeyBounds('2024-06-01', '2024-06-30');
    expect(bounds.lower).toBe('2024-06-00');
    expect(within(bounds, '2024-06')).toBe(true);
    expect(within(bounds, '2024-05-31')).toBe(false);
    expect(within(bounds, '2024-07')).toBe(false);
  });

  it("takes in the year's own entries when the range starts on 1 January", () => {
    const bounds = sortKeyBounds('2024-01-01', '2024-12-31');
    expect(bounds.lower).toBe('2024-00-00');
    expect(within(bounds, '2024')).toBe(true);
    expect(within(bounds, '2024-01')).toBe(true);
    expect(within(bounds, '2023-12-31')).toBe(false);
    expect(within(bounds, '2025')).toBe(false);
  });

  it('does not take in the month when the range starts mid-month', () => {
    const bounds = sortKeyBounds('2024-06-15');
    expect(within(bounds, '2024-06')).toBe(false);
    expect(within(bounds, '2024-06-15')).toBe(true);
  });

  it('does not treat 1 October or 1 November as 1 January', () => {
    expect(sortKeyBounds('2024-10-01').lower).toBe('2024-10-00');
    expect(sortKeyBounds('2024-11-01').lower).toBe('2024-11-00');
  });
});

describe('pageTimeline: a sparse filter reads a bounded number of events per request', () => {
  /** Storage in sort-key order, counting what a request reads. */
  function arrayReader(events: TimelineEvent[]) {
    const sorted = [...events].sort((a, b) => sortKeyOf(b).localeCompare(sortKeyOf(a)));
    const reader = {
      read: 0,
      async *range({ after }: RangeRequest) {
        for (const event of sorted) {
          if (after && sortKeyOf(event) >= after) continue;
          reader.read++;
          yield event;
        }
      },
      get: async () => undefined,
      resolve: async () => undefined,
    };
    return reader;
  }
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const events = Array.from({ length: 250 }, (_, n) =>
    anEvent(anAccount(n, { date: day(n), summary: `Event ${n}`, topics: n === 7 ? ['rare'] : ['common'] })),
  );
  const cursors = new CursorCodec('a-test-secret-of-16+');
  const query = (extra: Record<string, string> = {}) => TimelineQuerySchema.parse({ limit: '10', ...extra });

  it('ends a page early at the budget, with a cursor where reading stopped, and finds the match later', async () => {
    const reader = arrayReader(events);
    const found: string[] = [];
    let cursor: string | undefined;
    let requests = 0;
    do {
      const before = reader.read;
      const page = await pageTimeline(
        reader,
        cursors,
        query({ topic: 'rare', ...(cursor ? { cursor } : {}) }),
        100,
      );
      expect(reader.read - before).toBeLessThanOrEqual(101); // the budget, and the one showing there is more
      found.push(...page.events.map((e) => e.summary));
      cursor = page.nextCursor ?? undefined;
      requests++;
    } while (cursor);
    expect(found).toEqual(['Event 7']);
    expect(requests).toBe(3); // 250 events, 100 a request
  });

  it('fills an unfiltered page without touching the budget', async () => {
    const page = await pageTimeline(arrayReader(events), cursors, query(), 100);
    expect(page.events).toHaveLength(10);
    expect(page.nextCursor).not.toBeNull();
  });
});
