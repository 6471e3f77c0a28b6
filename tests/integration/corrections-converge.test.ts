import { describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { type EditTarget, edit } from '../../lib/corrections/index.ts';
import { reclusterAll, recordAccount } from '../../lib/dedup/index.ts';
import { DynamoEventStore, DynamoReclusterProgress } from '../../lib/store/index.ts';
import {
  CursorCodec,
  createTimelineApp,
  type PublicEvent,
  type Source,
  sortKeyBounds,
  type TimelineEvent,
} from '../../lib/timeline/index.ts';
import { anAccount } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';

const editor = { by: 'desk@example.org', why: 'checked the sources' };
const FERRY = 'The island ferry service resumed sailing after the storm repairs';
const BRIDGE = 'The city council approved funding for the new river bridge';
const CAPTION = 'A view of the harbour lights at dusk from the old pier';
const VOTE = 'The regional assembly voted to extend the coastal nature reserve';
const SCHOOL = 'A new primary school opened in the northern district of the town';

let n = 0;
/** An outlet's account of something on `date`; each call a new article from its own outlet. */
const told = (summary: string, date = '2024-10-08') =>
  anAccount(++n, { date, summary, feedId: `outlet${n}` });

const fix = (store: DynamoEventStore, target: EditTarget) => edit(store, { ...editor, ...target });

async function everyEvent(store: DynamoEventStore): Promise<TimelineEvent[]> {
  const events: TimelineEvent[] = [];
  for await (const event of store.range({ ...sortKeyBounds(), order: 'asc' })) events.push(event);
  return events;
}

const holding = (events: TimelineEvent[], account: Source) => {
  const found = events.find((e) => e.accounts.some((a) => a.articleId === account.articleId));
  if (!found) throw new Error(`no event holds ${account.summary}`);
  return found;
};

/** What a re-clustering must reproduce: the events without the storage counter. */
const content = (events: TimelineEvent[]) => events.map(({ version: _v, ...rest }) => rest);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jittered = <T>(work: () => Promise<T>) => pause(Math.floor(Math.random() * 40)).then(work);

/** A stack on a fresh data folder, its event table handed to `use`, stopped after. */
async function onFreshTable(use: (store: DynamoEventStore, stack: LocalStack) => Promise<void>) {
  const stack = await startLocalStack(workspace().options);
  try {
    await use(new DynamoEventStore(stack.dynamo, 'dateline'), stack);
  } finally {
    await stack.stop();
  }
}

describe('corrections on the embedded stack (dynalite)', () => {
  it('survive a re-clustering of the whole table, and a second run changes nothing', {
    timeout: 60_000,
  }, async () => {
    await onFreshTable(async (store, stack) => {
      const [ferry, bridge, caption, vote] = [told(FERRY), told(BRIDGE), told(CAPTION), told(VOTE)];
      for (const account of [ferry, bridge, caption, vote]) await recordAccount(store, account);
      const before = await everyEvent(store);
      expect(before).toHaveLength(4);
      const idOf = (account: Source) => holding(before, account).id;
      await fix(store, { verb: 'merge', events: [idOf(ferry), idOf(bridge)] });
      await fix(store, { verb: 'hide', event: idOf(caption) });
      await fix(store, { verb: 'set', event: idOf(vote), date: '2024-10-12', datePrecision: 'day' });
      const corrected = await everyEvent(store);

      const progress = new DynamoReclusterProgress(stack.dynamo, 'dateline');
      const first = await reclusterAll(store, progress, { restart: true, pageSize: 2 });
      expect(first).toMatchObject({ done: true, postings: 4 });
      const reclustered = await everyEvent(store);
      expect(content(reclustered)).toEqual(content(corrected));
      const second = await reclusterAll(store, progress, { restart: true });
      expect(second).toMatchObject({ done: true, written: 0, retired: 0 });
      expect(content(await everyEvent(store))).toEqual(content(reclustered));

      const app = createTimelineApp({ reader: store, cursors: new CursorCodec('a-test-secret-of-16+') });
      const listed = (await (await app.request('/timeline?from=2024-10-01&to=2024-10-31')).json()) as {
        events: PublicEvent[];
      };
      const listing = (account: Source) =>
        listed.events.find((e) => e.sources.some((s) => s.url === account.url));
      expect(listed.events).toHaveLength(2);
      const merged = listing(ferry);
      expect(merged?.sources.map((s) => s.url).sort()).toEqual([ferry.url, bridge.url].sort());
      expect(merged).toMatchObject({ id: holding(reclustered, ferry).id, edited: true });
      expect(listing(vote)).toMatchObject({ date: '2024-10-12', datePrecision: 'day', edited: true });
      const hidden = holding(reclustered, caption);
      expect(hidden).toMatchObject({ hidden: true });
      expect(listed.events.map((e) => e.id)).not.toContain(hidden.id);
      expect((await app.request(`/events/${hidden.id}`)).status).toBe(404);
    });
  });

  it('hold a merge of events in two months through later articles of each and a re-clustering', {
    timeout: 60_000,
  }, async () => {
    await onFreshTable(async (store, stack) => {
      const [school, vote] = [told(SCHOOL, '2024-10-31'), told(VOTE, '2024-11-01')];
      for (const account of [school, vote]) await recordAccount(store, account);
      const before = await everyEvent(store);
      await fix(store, { verb: 'merge', events: [holding(before, school).id, holding(before, vote).id] });
      await recordAccount(store, told(`${VOTE} on Friday`, '2024-11-01'));
      await recordAccount(store, told(`${SCHOOL} this week`, '2024-10-31'));
      const merged = await everyEvent(store);
      expect(merged.map((e) => e.accounts.length)).toEqual([4]);
      const progress = new DynamoReclusterProgress(stack.dynamo, 'dateline');
      await reclusterAll(store, progress, { restart: true, pageSize: 1 });
      expect(content(await everyEvent(store))).toEqual(content(merged));
      expect(await reclusterAll(store, progress, { restart: true })).toMatchObject({
        written: 0,
        retired: 0,
      });
    });
  });

  it('converge with workers filing articles while editors merge and split: no lost correction, no lost source', {
    timeout: 60_000,
  }, async () => {
    await onFreshTable(async (store, stack) => {
      const rounds: Array<(events: TimelineEvent[]) => void> = [];
      // Three rounds, each a month of its own, each with its own random interleaving.
      for (const date of ['2024-10-08', '2024-11-08', '2024-12-08']) {
        const [ferry, bridge, school, schoolAgain] = [
          told(FERRY, date),
          told(BRIDGE, date),
          told(SCHOOL, date),
          told(`${SCHOOL}, the mayor said`, date),
        ];
        for (const account of [ferry, bridge, school, schoolAgain]) await recordAccount(store, account);
        const before = await everyEvent(store);
        expect(holding(before, school).id).toBe(holding(before, schoolAgain).id);
        const later = [
          told(`${FERRY}, the operator said`, date),
          told(`${BRIDGE} on Monday`, date),
          told(`${SCHOOL} this morning`, date),
          told(`${FERRY} after weeks of repairs`, date),
          told(VOTE, date),
          told('Teachers began a three-day strike over pay', date),
        ];
        const logged = (await store.corrections()).length;
        await Promise.all([
          ...later.map((account) => jittered(() => recordAccount(store, account))),
          jittered(() =>
            fix(store, { verb: 'merge', events: [holding(before, ferry).id, holding(before, bridge).id] }),
          ),
          jittered(() =>
            fix(store, { verb: 'split', event: holding(before, school).id, urls: [schoolAgain.url] }),
          ),
        ]);

        expect(await store.corrections()).toHaveLength(logged + 2);
        const recorded = [ferry, bridge, school, schoolAgain, ...later].map((a) => a.articleId);
        const inForce = (events: TimelineEvent[]) => {
          expect(holding(events, ferry).id).toBe(holding(events, bridge).id);
          expect(holding(events, school).id).not.toBe(holding(events, schoolAgain).id);
          // Each account held once: none lost, none counted twice.
          const held = events.flatMap((e) => e.accounts.map((a) => a.articleId));
          expect(held.filter((id) => recorded.includes(id)).sort()).toEqual([...recorded].sort());
        };
        inForce(await everyEvent(store));
        rounds.push(inForce);
      }
      // Every round's corrections still hold after the later rounds and a re-clustering of them all.
      await reclusterAll(store, new DynamoReclusterProgress(stack.dynamo, 'dateline'), { restart: true });
      const settled = await everyEvent(store);
      for (const inForce of rounds) inForce(settled);
    });
  });
});
