import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CursorCodec,
  changedSince,
  type ListedEvent,
  NO_EVENT_CHANGE,
  PatchedListings,
  pageTimeline,
  patchKept,
  type RangeRequest,
  sortKeyBounds,
  sortKeyOf,
  type TimelineEvent,
  TimelineQuerySchema,
  UNKNOWN_CHANGE,
} from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { freshReader, MemoryTimeline } from '../support/memory-timeline.ts';

const cursors = new CursorCodec('a-test-secret-of-16+');
const DATES = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01', '2024-01-05', '2024-02-01'];
const TOPICS = ['port', 'rail', 'air'];
const FEEDS = ['wire', 'daily'];

let serial = 1;
function event(date: string, topic: string, feedId: string): TimelineEvent {
  const n = serial++;
  return anEvent(anAccount(n, { date, summary: `Notice ${n}`, topics: [topic], feedId }));
}

const query = (fields: Record<string, string>) => TimelineQuerySchema.parse(fields);
/** Listings small enough that a handful of writes crosses their boundaries. */
const QUERIES = [
  query({ limit: '3' }),
  query({ limit: '2', order: 'asc' }),
  query({ limit: '2', topic: 'port' }),
  query({ limit: '2', feed: 'daily' }),
  query({ limit: '4', from: '2024-01-02', to: '2024-01-31' }),
  query({ limit: '1', topic: 'rail', order: 'asc' }),
];

describe('the version log', () => {
  const head = { version: 10, recent: ['evt_a', NO_EVENT_CHANGE, 'evt_b', 'evt_a'] };

  it('names the events changed since a version it reaches back to', () => {
    expect(changedSince(head, 10)).toEqual(new Set());
    expect(changedSince(head, 9)).toEqual(new Set(['evt_a']));
    expect(changedSince(head, 6)).toEqual(new Set(['evt_a', 'evt_b']));
  });

  it('says nothing when it no longer reaches back, or a move may have changed anything', () => {
    expect(changedSince(head, 5)).toBeUndefined();
    expect(changedSince(head, 11)).toBeUndefined();
    const bulk = { version: 12, recent: ['evt_a', UNKNOWN_CHANGE, 'evt_c'] };
    expect(changedSince(bulk, 11)).toEqual(new Set(['evt_c']));
    expect(changedSince(bulk, 10)).toBeUndefined();
  });
});

describe('patching a kept listing', () => {
  const desc: RangeRequest = { ...sortKeyBounds(), order: 'desc', pageSize: 3 };
  const [a, b, c] = ['2024-01-05', '2024-01-03', '2024-01-02'].map((d) => {
    const { accounts, ...listed } = event(d, 'port', 'wire');
    return listed;
  }) as [Omit<TimelineEvent, 'accounts'>, Omit<TimelineEvent, 'accounts'>, Omit<TimelineEvent, 'accounts'>];
  const kept = { events: [a, b, c], boundary: sortKeyOf(c) };

  it('moves an edited event to where it sorts now, and drops a merged one', () => {
    const moved = { ...c, date: '2024-01-06' };
    const patched = patchKept(kept, new Set([c.id, b.id]), [moved], desc);
    expect(patched.map((e) => e.id)).toEqual([moved.id, a.id]);
  });

  it('adds nothing past the boundary, where nothing was read', () => {
    const older = { ...a, id: 'evt_ff', date: '2023-12-31' };
    expect(patchKept(kept, new Set([older.id]), [older], desc).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
  });

  it('keeps a hidden event where it was, for the page to leave out', () => {
    const hidden = { ...b, hidden: true };
    expect(patchKept(kept, new Set([b.id]), [hidden], desc)[1]).toEqual(hidden);
  });
});

/** What `pageTimeline` asks the reader for a first page of the query. */
function listingRange(q: ReturnType<typeof query>): RangeRequest {
  const via = q.topic ? { kind: 'topic' as const, value: q.topic } : undefined;
  return { ...sortKeyBounds(q.from, q.to), order: q.order, via, pageSize: q.limit + 1 };
}

async function taken(events: AsyncIterable<ListedEvent>, count: number): Promise<ListedEvent[]> {
  const out: ListedEvent[] = [];
  if (count === 0) return out;
  for await (const event of events) if (out.push(event) === count) break;
  return out;
}

type Op =
  | { kind: 'create'; date: string; topic: string; feed: string }
  | { kind: 'edit'; pick: number; date: string; topic: string; hidden: boolean }
  | { kind: 'retire'; pick: number; into: number }
  | { kind: 'revive'; pick: number }
  | { kind: 'move'; unknown: boolean }
  | { kind: 'read'; pages: number; depth: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    date: fc.constantFrom(...DATES),
    topic: fc.constantFrom(...TOPICS),
    feed: fc.constantFrom(...FEEDS),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    date: fc.constantFrom(...DATES),
    topic: fc.constantFrom(...TOPICS),
    hidden: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('retire' as const), pick: fc.nat(), into: fc.nat() }),
  fc.record({ kind: fc.constant('revive' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), unknown: fc.boolean() }),
  fc.record({
    kind: fc.constant('read' as const),
    pages: fc.integer({ min: 1, max: 3 }),
    depth: fc.integer({ min: 0, max: 8 }),
  }),
);

/** Applies a write to the store the way the pipeline would make it. */
function apply(timeline: MemoryTimeline, write: Exclude<Op, { kind: 'read' }>, retired: TimelineEvent[]) {
  const live = [...timeline.items.values()].filter((item): item is TimelineEvent => !('mergedInto' in item));
  const pick = (n: number) => live[n % Math.max(1, live.length)];
  if (write.kind === 'create') timeline.put(event(write.date, write.topic, write.feed));
  if (write.kind === 'move') timeline.move(write.unknown ? UNKNOWN_CHANGE : NO_EVENT_CHANGE);
  const target = 'pick' in write ? pick(write.pick) : undefined;
  if (write.kind === 'edit' && target) {
    const { date, topic, hidden } = write;
    timeline.put({
      ...target,
      date,
      topics: [topic],
      hidden,
      summary: `${target.summary}.`,
      version: target.version + 1,
    });
  }
  if (write.kind === 'retire' && target && live.length > 1) {
    const into = live.filter((e) => e.id !== target.id)[write.into % (live.length - 1)] as TimelineEvent;
    timeline.retire(target.id, into.id);
    retired.push(target);
  }
  if (write.kind === 'revive' && retired.length) {
    const back = retired.splice(write.pick % retired.length, 1)[0] as TimelineEvent;
    timeline.put({ ...back, version: back.version + 2 });
  }
}

describe('listings kept across versions and patched from the log', () => {
  it('page for page and cursor for cursor, equal what a fresh read gives, whatever the writes', async () => {
    let patches = 0;
    let reads = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 5, maxLength: 60 }),
        fc.integer({ min: 2, max: 12 }),
        async (ops, logSize) => {
          const timeline = new MemoryTimeline(logSize);
          const patched = new PatchedListings(timeline, { keptEvents: 40 });
          const fresh = freshReader(timeline);
          const retired: TimelineEvent[] = [];
          for (const write of ops) {
            if (write.kind !== 'read') {
              apply(timeline, write, retired);
              continue;
            }
            // As the listing cache does with a bound of 0: the version first, then the listing.
            await patched.version();
            for (const q of QUERIES) {
              let cursor: string | undefined;
              for (let page = 0; page < write.pages; page++) {
                const asked = { ...q, cursor };
                const got = await pageTimeline(patched, cursors, asked);
                expect(got).toEqual(await pageTimeline(fresh, cursors, asked));
                if (!got.nextCursor) break;
                cursor = got.nextCursor;
              }
              // The reader's stream itself, taken deeper or shallower than a page takes it.
              const range = listingRange(q);
              expect(await taken(patched.listed(range), write.depth)).toEqual(
                await taken(fresh.listed?.(range) ?? fresh.range(range), write.depth),
              );
            }
          }
          patches += timeline.reads.byId;
          reads += timeline.reads.listed;
        },
      ),
      { numRuns: 150 },
    );
    // The property held with the patches actually made, not only with every listing read whole.
    expect(patches).toBeGreaterThan(100);
    expect(reads).toBeGreaterThan(0);
  });

  it('after a write, reads the changed event instead of the page', async () => {
    const timeline = new MemoryTimeline();
    for (const date of DATES) timeline.put(event(date, 'port', 'wire'));
    const patched = new PatchedListings(timeline);
    await patched.version();
    const first = await pageTimeline(patched, cursors, query({ limit: '3' }));
    const listedBefore = timeline.reads.listed;
    const newest = event('2024-03-01', 'rail', 'wire');
    timeline.put(newest);
    await patched.version();
    const next = await pageTimeline(patched, cursors, query({ limit: '3' }));
    expect(next.events.map((e) => e.id)).toEqual([newest.id, ...first.events.slice(0, 2).map((e) => e.id)]);
    expect(timeline.reads.listed).toBe(listedBefore);
    expect(timeline.reads.byId).toBe(1);
  });

  it('serves what the head it last learnt says: a write after it waits for the next version read', async () => {
    const timeline = new MemoryTimeline();
    timeline.put(event('2024-01-01', 'port', 'wire'));
    const patched = new PatchedListings(timeline);
    await patched.version();
    await pageTimeline(patched, cursors, query({ limit: '3' }));
    const later = event('2024-01-02', 'port', 'wire');
    timeline.put(later);
    const before = await pageTimeline(patched, cursors, query({ limit: '3' }));
    expect(before.events.map((e) => e.id)).not.toContain(later.id);
    await patched.version();
    const after = await pageTimeline(patched, cursors, query({ limit: '3' }));
    expect(after.events[0]?.id).toBe(later.id);
  });

  it('reads a kept listing whole again once it is older than the bound set for it', async () => {
    let now = 0;
    const timeline = new MemoryTimeline();
    timeline.put(event('2024-01-01', 'port', 'wire'));
    const patched = new PatchedListings(timeline, { rereadMs: 1_000, now: () => now });
    await patched.version();
    await pageTimeline(patched, cursors, query({ limit: '3' }));
    await pageTimeline(patched, cursors, query({ limit: '3' }));
    expect(timeline.reads.listed).toBe(1);
    now += 1_000;
    await pageTimeline(patched, cursors, query({ limit: '3' }));
    expect(timeline.reads.listed).toBe(2);
  });
});
