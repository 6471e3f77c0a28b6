import { beforeAll, describe, expect, it } from 'vitest';
import { makeReclusterHandler } from '../../functions/recluster/handler.ts';
import {
  deriveEvent,
  type EventRepository,
  type ReclusterProgress,
  reclusterAll,
  recordAccounts,
} from '../../lib/dedup/index.ts';
import type { TimelineEvent } from '../../lib/timeline/index.ts';
import { labelledAccounts, loadMultiSourceSet } from '../eval/dedup.ts';
import { interposed, MemoryEvents } from '../support/memory-events.ts';

/** The cursor kept in memory, as the table keeps it in its META#RECLUSTER item. */
class MemoryProgress implements ReclusterProgress {
  cursor: string | undefined;
  async load() {
    return this.cursor;
  }
  async save(cursor: string | undefined) {
    this.cursor = cursor;
  }
}

const WRITES = ['post', 'hold', 'create', 'update', 'absorb'] as const;

/** The store with every write counted: re-clustering settled events must not make one. */
function counting(repo: MemoryEvents) {
  const count = { writes: 0 };
  const methods = Object.fromEntries(
    WRITES.map((name) => [
      name,
      (...args: unknown[]) => {
        count.writes++;
        return (repo[name] as (...a: unknown[]) => Promise<unknown>).apply(repo, args);
      },
    ]),
  ) as Partial<EventRepository>;
  return { repo: interposed(repo, methods), count };
}

const timeline = (repo: MemoryEvents) => repo.events().map(({ version, ...event }: TimelineEvent) => event);

function copyOf(repo: MemoryEvents): MemoryEvents {
  const copy = new MemoryEvents();
  for (const [key, item] of repo.items) copy.items.set(key, structuredClone(item));
  for (const [key, posting] of repo.postings) copy.postings.set(key, structuredClone(posting));
  return copy;
}

/** Two live events the rules keep apart, told the same day, the first with several accounts. */
function twoOfOneDay(repo: MemoryEvents): [TimelineEvent, TimelineEvent] {
  const events = repo.events();
  for (const a of events)
    for (const b of events) if (a.id !== b.id && a.date === b.date && a.accounts.length > 1) return [a, b];
  throw new Error('the labelled set has no two events of one day');
}

describe('re-clustering every event from the stored accounts', () => {
  let sequential: MemoryEvents;
  beforeAll(async () => {
    const byArticle = new Map<string, ReturnType<typeof labelledAccounts>>();
    for (const entry of labelledAccounts(loadMultiSourceSet().slice(0, 60)))
      byArticle.set(entry.account.articleId, [...(byArticle.get(entry.account.articleId) ?? []), entry]);
    sequential = new MemoryEvents();
    for (const entries of byArticle.values()) await recordAccounts(sequential, entries);
  }, 120_000);

  it('writes nothing when the events already follow the rules, and walks every posting', async () => {
    const { repo, count } = counting(copyOf(sequential));
    const progress = new MemoryProgress();
    const status = await reclusterAll(repo, progress, { pageSize: 7 });
    expect(status).toMatchObject({ done: true, written: 0, retired: 0, cursor: undefined });
    expect(status.postings).toBe(sequential.postings.size);
    expect(status.total).toBe(sequential.postings.size);
    expect(count.writes).toBe(0);
    expect(progress.cursor).toBeUndefined();
  });

  it('restores what a fresh run gives after events were merged wrongly or lost, then writes nothing', async () => {
    const stale = copyOf(sequential);
    const [kept, swallowed] = twoOfOneDay(stale);
    // An older rule's verdict: one event holding two the rules keep apart…
    const merged = deriveEvent(kept.id, [...kept.accounts, ...swallowed.accounts], kept.version + 1);
    await stale.hold(swallowed.accounts, kept.id);
    expect(await stale.update(merged)).toBe(true);
    // …and a derived event lost outright.
    const lost = stale.events().find((e) => e.id !== kept.id && e.id !== swallowed.id) as TimelineEvent;
    stale.items.delete(lost.id);
    expect(timeline(stale)).not.toEqual(timeline(sequential));

    const first = await reclusterAll(stale, new MemoryProgress(), { pageSize: 5 });
    expect(first.written).toBeGreaterThan(0);
    expect(timeline(stale)).toEqual(timeline(sequential));

    const { repo, count } = counting(stale);
    const again = await reclusterAll(repo, new MemoryProgress());
    expect(again).toMatchObject({ written: 0, retired: 0, done: true });
    expect(count.writes).toBe(0);
  });

  it('resumes a killed run at the block it stopped after, with the same result', async () => {
    const stale = copyOf(sequential);
    for (const event of stale.events()) stale.items.delete(event.id);
    const progress = new MemoryProgress();
    const killed = reclusterAll(stale, progress, {
      pageSize: 4,
      onProgress: ({ blocks }) => {
        if (blocks === 3) throw new Error('killed');
      },
    });
    await expect(killed).rejects.toThrow('killed');
    const stoppedAt = progress.cursor;
    expect(stoppedAt).toMatch(/^\d{4}-\d\d-\d\d#~$/);

    const resumed = await reclusterAll(stale, progress, { pageSize: 4 });
    expect(resumed.done).toBe(true);
    // Only what came after the kill: the first three blocks are not settled again.
    expect(resumed.postings).toBeLessThan(sequential.postings.size);
    expect(timeline(stale)).toEqual(timeline(sequential));
    expect(progress.cursor).toBeUndefined();
  });

  it('settles a bounded slice a call, returning the cursor for the next (a Lambda invocation)', async () => {
    const stale = copyOf(sequential);
    for (const event of stale.events()) stale.items.delete(event.id);
    const progress = new MemoryProgress();
    const slices: number[] = [];
    for (let done = false; !done; ) {
      const slice = await reclusterAll(stale, progress, { maxBlocks: 5 });
      expect(slice.blocks).toBeLessThanOrEqual(5);
      slices.push(slice.blocks);
      done = slice.done;
    }
    expect(slices.length).toBeGreaterThan(1);
    expect(timeline(stale)).toEqual(timeline(sequential));
  });

  it('starts over from the first posting when told to, whatever cursor was saved', async () => {
    const progress = new MemoryProgress();
    progress.cursor = '9999-12-31#~';
    const skipped = await reclusterAll(copyOf(sequential), progress);
    expect(skipped.postings).toBe(0);
    progress.cursor = '9999-12-31#~';
    const restarted = await reclusterAll(copyOf(sequential), progress, { restart: true });
    expect(restarted.postings).toBe(sequential.postings.size);
  });

  it('runs as a Lambda a slice an invocation, stopping when time runs low, until it answers done', async () => {
    const stale = copyOf(sequential);
    for (const event of stale.events()) stale.items.delete(event.id);
    const logged: unknown[] = [];
    const log = { info: (...a: unknown[]) => logged.push(a), warn: () => {}, error: () => {} };
    const handler = makeReclusterHandler({ events: stale, progress: new MemoryProgress(), log });
    await expect(handler({ maxBlocks: 0 })).rejects.toThrow();
    await expect(handler({ restart: 'yes' })).rejects.toThrow();
    // Plenty of time for three blocks, then under the margin.
    let left = 3;
    const first = await handler({}, { getRemainingTimeInMillis: () => (left-- > 0 ? 600_000 : 1_000) });
    expect(first).toMatchObject({ done: false, blocks: 3 });
    let invocations = 1;
    for (let last = first; !last.done; invocations++) last = await handler({ maxBlocks: 4 });
    expect(invocations).toBeGreaterThan(2);
    expect(timeline(stale)).toEqual(timeline(sequential));
    expect(logged).toHaveLength(invocations);
  });
});
