import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { bumpTimelineVersion, DynamoEventStore } from '../../lib/store/index.ts';
import {
  CursorCodec,
  changedSince,
  createTimelineApp,
  type TimelineEvent,
  type TimelineReader,
} from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';
import { tallyingClient } from '../support/tally.ts';

const cursors = new CursorCodec('a-test-secret-of-16+');
const TOPICS = ['port', 'rail'];

let serial = 50_000;
function event(date: string, topic: string): TimelineEvent {
  const n = serial++;
  return anEvent(anAccount(n, { date, summary: `Dock notice ${n}`, topics: [topic] }));
}

/** The store without its version: every listing read whole, fresh. */
const fresh = (store: DynamoEventStore): TimelineReader => ({
  range: (r) => store.range(r),
  listed: (r) => store.listed(r),
  get: (id) => store.get(id),
  resolve: (id) => store.resolve(id),
});

type Write =
  | { kind: 'create'; day: number; topic: string }
  | { kind: 'edit'; pick: number; day: number; topic: string; hidden: boolean }
  | { kind: 'merge'; pick: number; into: number }
  | { kind: 'revive'; pick: number };

const write: fc.Arbitrary<Write> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      day: fc.integer({ min: 1, max: 9 }),
      topic: fc.constantFrom(...TOPICS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      pick: fc.nat(),
      day: fc.integer({ min: 1, max: 9 }),
      topic: fc.constantFrom(...TOPICS),
      hidden: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('merge' as const), pick: fc.nat(), into: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revive' as const), pick: fc.nat() }) },
);

/** The events one run wrote, as the store holds them now, and the ids it merged away. */
class Run {
  readonly live: TimelineEvent[] = [];
  readonly merged: TimelineEvent[] = [];
  constructor(
    private readonly store: DynamoEventStore,
    readonly year: number,
  ) {}

  private date = (day: number) => `${this.year}-03-0${day}`;

  async apply(w: Write) {
    const pick = (n: number) => n % this.live.length;
    if (w.kind === 'create') {
      const created = event(this.date(w.day), w.topic);
      expect(await this.store.create(created)).toBe(true);
      this.live.push(created);
    } else if (w.kind === 'edit' && this.live.length) {
      const i = pick(w.pick);
      const old = this.live[i] as TimelineEvent;
      const edited = {
        ...old,
        date: this.date(w.day),
        topics: [w.topic],
        hidden: w.hidden,
        version: old.version + 1,
      };
      expect(await this.store.update(edited)).toBe(true);
      this.live[i] = edited;
    } else if (w.kind === 'merge' && this.live.length > 1) {
      const [gone] = this.live.splice(pick(w.pick), 1) as [TimelineEvent];
      const into = this.live[w.into % this.live.length] as TimelineEvent;
      expect(await this.store.absorb(gone, into.id)).toBe(true);
      this.merged.push({ ...gone, version: gone.version + 1 });
    } else if (w.kind === 'revive' && this.merged.length) {
      const [back] = this.merged.splice(w.pick % this.merged.length, 1) as [TimelineEvent];
      const revived = { ...back, version: back.version + 1 };
      expect(await this.store.create(revived)).toBe(true);
      this.live.push(revived);
    }
  }

  /** Listings of this run's dates only: the table is shared by every run. */
  listings() {
    const range = `from=${this.year}-03-01&to=${this.year}-03-31`;
    return [
      `/timeline?${range}&limit=4`,
      `/timeline?${range}&order=asc&limit=3`,
      `/timeline?${range}&topic=rail&limit=2`,
      `/timeline.atom?${range}&limit=3`,
    ];
  }
}

describe('listings patched from the version log, over DynamoDB (dynalite)', () => {
  let stack: LocalStack;
  let store: DynamoEventStore;

  beforeAll(async () => {
    stack = await startLocalStack(workspace().options);
    store = new DynamoEventStore(stack.dynamo, 'dateline');
  });
  afterAll(() => stack.stop());

  it('logs the event each write changed beside the version, cut to its newest ids without shifting them', async () => {
    const before = (await store.head()).version;
    const ids = Array.from({ length: 140 }, (_, n) => `evt_${n.toString(16)}`);
    for (const id of ids) await bumpTimelineVersion(stack.dynamo, 'dateline', id);
    const head = await store.head();
    expect(head.version).toBe(before + 140);
    expect(head.recent.length).toBeLessThanOrEqual(128);
    expect(changedSince(head, head.version - 3)).toEqual(new Set(ids.slice(-3)));
    expect(changedSince(head, head.version - head.recent.length)).toEqual(
      new Set(ids.slice(-head.recent.length)),
    );
    expect(changedSince(head, before)).toBeUndefined();
    // A move that does not say what it changed: no listing is patched across it.
    await bumpTimelineVersion(stack.dynamo, 'dateline');
    expect(changedSince(await store.head(), head.version)).toBeUndefined();
  });

  it('after creates, edits, hides, merges and revivals, every listing equals a fresh read of the store', async () => {
    const patched = createTimelineApp({ reader: store, cursors, cache: { stalenessMs: 0 } });
    const whole = createTimelineApp({ reader: fresh(store), cursors });
    let year = 2101;
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 4, maxLength: 16 }), async (writes) => {
        const run = new Run(store, year++);
        for (const w of writes) {
          await run.apply(w);
          for (const path of run.listings()) {
            const [got, want] = await Promise.all([patched.request(path), whole.request(path)]);
            expect(got.status).toBe(200);
            expect(await got.text(), path).toBe(await want.text());
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('answers the first request after a write from the kept page and the changed event, without the timeline query', async () => {
    const { client, items } = tallyingClient();
    const tallied = new DynamoEventStore(client, 'dateline');
    for (let day = 1; day <= 9; day++) await store.create(event(`2200-03-0${day}`, 'port'));
    const app = createTimelineApp({ reader: tallied, cursors, cache: { stalenessMs: 0 } });
    const listing = '/timeline?from=2200-03-01&to=2200-03-31&limit=5';
    await app.request(listing);
    for (const key of Object.keys(items)) delete items[key];
    const newest = event('2200-03-20', 'rail');
    await store.create(newest);
    const body = (await (await app.request(listing)).json()) as { events: Array<{ id: string }> };
    expect(body.events[0]?.id).toBe(newest.id);
    expect(items['QueryCommand:gsi1'] ?? 0).toBe(0);
    expect(items.BatchGetItemCommand).toBe(1);
  });
});
