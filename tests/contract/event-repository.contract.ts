import { beforeEach, describe, expect, it } from 'vitest';
import type { Correction, CorrectionStore } from '../../lib/corrections/index.ts';
import {
  type AccountRef,
  neighbourhoodRanges,
  type Posting,
  type PostingPages,
  postingOf,
  postingSortKey,
  type SortRange,
} from '../../lib/dedup/index.ts';
import type { TimelineEvent } from '../../lib/timeline/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';

/** The port as the worker, the editors and the re-clustering use it. */
export type ContractRepository = CorrectionStore & PostingPages;

const ferryAccount = anAccount(1, { date: '2024-10-03', summary: 'The ferry stopped running' });
const ferry = anEvent(ferryAccount);
const bridge = anEvent(anAccount(2, { date: '2024-10-04', summary: 'The bridge reopened' }));
const quay = anEvent(anAccount(3, { date: '2024-10-05', summary: 'The quay was rebuilt' }));

/** The event as a writer that read it at its version would store it next. */
const next = (event: TimelineEvent, summary: string): TimelineEvent => ({
  ...event,
  summary,
  version: event.version + 1,
});

const filed = (n: number, date: string, fields: Partial<Posting> = {}): Posting => ({
  ...postingOf(anAccount(n, { date, summary: `Account ${n}` })),
  ...fields,
});
const refOf = ({ articleId, position }: AccountRef): AccountRef => ({ articleId, position });
const byKey = (postings: Posting[]) =>
  [...postings].sort((a, b) => postingSortKey(a).localeCompare(postingSortKey(b)));
/** The month block a day is settled in, as settle reads it. */
const block = (date: string): SortRange => {
  const [range] = neighbourhoodRanges([{ date, datePrecision: 'day' }]);
  if (!range) throw new Error(`no block for ${date}`);
  return range;
};

const correction = (id: string, at: string): Correction => ({
  id,
  at,
  by: 'editor',
  why: 'not an event',
  events: [],
  verb: 'hide',
  accounts: [`${ferryAccount.articleId}#0`],
});

/**
 * What every EventRepository must do, DynamoDB's conditional writes above all: settle's proof that
 * concurrent workers converge (lib/dedup/settle.ts) rests on exactly these refusals. `makeRepo`
 * gives a fresh, empty store per test.
 */
export function describeEventRepositoryContract(name: string, makeRepo: () => Promise<ContractRepository>) {
  describe(`EventRepository contract: ${name}`, () => {
    let repo: ContractRepository;
    beforeEach(async () => {
      repo = await makeRepo();
    });

    describe('events', () => {
      it('creates an id once: a create over a live event is refused and the first stays', async () => {
        expect(await repo.create(ferry)).toBe(true);
        expect(await repo.get(ferry.id)).toEqual(ferry);
        expect(await repo.create({ ...ferry, summary: 'A second writer' })).toBe(false);
        expect(await repo.get(ferry.id)).toEqual(ferry);
      });

      it('updates only from the version read: a stale or skipping write is refused and changes nothing', async () => {
        await repo.create(ferry);
        const first = next(ferry, 'First writer');
        expect(await repo.update(first)).toBe(true);
        // Read at version 0 too, written second: stale.
        expect(await repo.update(next(ferry, 'Second writer'))).toBe(false);
        expect(await repo.update({ ...first, summary: 'Skipped a version', version: 3 })).toBe(false);
        expect(await repo.get(ferry.id)).toEqual(first);
        expect(await repo.update(next(bridge, 'Never stored'))).toBe(false);
        expect(await repo.get(bridge.id)).toBeUndefined();
      });

      it('lets exactly one of two writers that read the same version win', async () => {
        await repo.create(ferry);
        const wins = await Promise.all([repo.update(next(ferry, 'One')), repo.update(next(ferry, 'Two'))]);
        expect(wins.filter(Boolean)).toHaveLength(1);
        expect((await repo.get(ferry.id))?.summary).toBe(wins[0] ? 'One' : 'Two');
      });

      it('retires an event into a pointer: reads leave it out, resolve follows it, hop after hop', async () => {
        for (const event of [ferry, bridge, quay]) await repo.create(event);
        expect(await repo.absorb(ferry, bridge.id)).toBe(true);
        expect(await repo.get(ferry.id)).toBeUndefined();
        expect(await repo.getMany([ferry.id, bridge.id])).toEqual([bridge]);
        expect(await repo.resolve(ferry.id)).toBe(bridge.id);
        expect(await repo.absorb(bridge, quay.id)).toBe(true);
        expect(await repo.resolve(ferry.id)).toBe(quay.id);
        expect(await repo.resolve(quay.id)).toBe(quay.id);
        expect(await repo.resolve('evt_0')).toBeUndefined();
      });

      it('retires only the version read: a stale absorb is refused and the event stays live', async () => {
        await repo.create(ferry);
        const updated = next(ferry, 'Updated meanwhile');
        await repo.update(updated);
        expect(await repo.absorb(ferry, bridge.id)).toBe(false);
        expect(await repo.get(ferry.id)).toEqual(updated);
        expect(await repo.absorb(bridge, ferry.id)).toBe(false);
        expect(await repo.resolve(bridge.id)).toBeUndefined();
      });

      it('revives a retired id by create, never by an update naming the pointer’s version', async () => {
        await repo.create(ferry);
        await repo.create(bridge);
        await repo.absorb(ferry, bridge.id);
        // The pointer is at version 1: an update "read at 1" must not turn it back into an event.
        expect(await repo.update({ ...next(ferry, 'Stale'), version: 2 })).toBe(false);
        expect(await repo.resolve(ferry.id)).toBe(bridge.id);
        expect(await repo.create(ferry)).toBe(true);
        expect(await repo.get(ferry.id)).toEqual(ferry);
        expect(await repo.resolve(ferry.id)).toBe(ferry.id);
      });

      it('reads the live events among ids once each, by id', async () => {
        await repo.create(bridge);
        await repo.create(ferry);
        const ids = [bridge.id, 'evt_0', ferry.id, bridge.id];
        expect(await repo.getMany(ids)).toEqual([ferry, bridge].sort((a, b) => a.id.localeCompare(b.id)));
        expect(await repo.getMany([])).toEqual([]);
      });

      it('refuses, with an error, an event that would not read back, and stores nothing', async () => {
        await expect(repo.create({ ...ferry, summary: '' })).rejects.toThrow();
        expect(await repo.get(ferry.id)).toBeUndefined();
      });

      it('hands out copies: changing what a read returned changes nothing stored', async () => {
        await repo.create(ferry);
        const read = await repo.get(ferry.id);
        if (read) read.summary = 'Changed by a caller';
        for (const many of await repo.getMany([ferry.id])) many.accounts.length = 0;
        expect(await repo.get(ferry.id)).toEqual(ferry);
      });
    });

    describe('postings', () => {
      it('files an account again with its new content, keeping every event that held it', async () => {
        const posting = filed(1, '2024-10-03', { sameDay: ['The bridge reopened'] });
        await repo.post(posting);
        await repo.hold([refOf(posting)], 'evt_b');
        await repo.hold([refOf(posting)], 'evt_a');
        await repo.hold([refOf(posting)], 'evt_b');
        const { sameDay, ...edited } = { ...posting, summary: 'Edited account' };
        await repo.post(edited);
        expect(await repo.postingsOf([refOf(posting)])).toEqual([{ ...edited, heldBy: ['evt_a', 'evt_b'] }]);
      });

      it('holds only a filed account: holding one never filed files nothing', async () => {
        const unfiled = filed(9, '2024-10-03');
        await repo.hold([refOf(unfiled)], 'evt_a');
        expect(await repo.postingsOf([refOf(unfiled)])).toEqual([]);
        expect(await repo.postingsIn([block('2024-10-03')])).toEqual([]);
      });

      it('reads every account in any of the ranges once, in sort-key order', async () => {
        const postings = [
          filed(4, '2024-12-01'),
          filed(2, '2024-10-15'),
          filed(3, '2024-11-02'),
          filed(1, '2024-10-01'),
        ];
        for (const posting of postings) await repo.post(posting);
        const [oct1, oct15, nov2, dec1] = byKey(postings);
        expect(await repo.postingsIn([block('2024-10-01'), block('2024-12-01')])).toEqual([
          oct1,
          oct15,
          dec1,
        ]);
        expect(await repo.postingsIn([block('2024-12-01'), block('2024-10-01')])).toEqual([
          oct1,
          oct15,
          dec1,
        ]);
        const overlapping = { lower: '2024-10-10#', upper: '2024-11-30#~' };
        expect(await repo.postingsIn([block('2024-10-01'), overlapping])).toEqual([oct1, oct15, nov2]);
      });

      it('reads the filed accounts among refs once each, whatever was asked twice or never filed', async () => {
        const [a, b] = [filed(1, '2024-10-01'), filed(2, '2024-10-02')];
        await repo.post(a);
        await repo.post(b);
        const refs = [b, filed(7, '2024-10-03'), a, b].map(refOf);
        expect(byKey(await repo.postingsOf(refs))).toEqual([a, b]);
      });

      it('pages through every account in sort-key order, and counts them', async () => {
        const postings = [5, 3, 1, 4, 2].map((n) => filed(n, `2024-0${n}-10`));
        for (const posting of postings) await repo.post(posting);
        const pages: Posting[][] = [];
        let after: string | undefined;
        for (;;) {
          const page = await repo.postingsAfter(after, 2);
          const last = page.at(-1);
          if (!last) break;
          pages.push(page);
          after = postingSortKey(last);
        }
        expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
        expect(pages.flat()).toEqual(byKey(postings));
        expect(await repo.countPostings()).toBe(5);
      });
    });

    describe('corrections', () => {
      it('reads the log oldest first, whatever order the corrections were appended in', async () => {
        const later = correction('cor_b', '2024-10-21T09:00:00.000Z');
        const earlier = correction('cor_a', '2024-10-20T09:00:00.000Z');
        await repo.append(later);
        await repo.append(earlier);
        expect(await repo.corrections()).toEqual([earlier, later]);
      });

      it('never overwrites the log: the same correction appended twice is refused', async () => {
        const first = correction('cor_a', '2024-10-20T09:00:00.000Z');
        await repo.append(first);
        await expect(repo.append({ ...first, why: 'rewritten' })).rejects.toThrow();
        expect(await repo.corrections()).toEqual([first]);
      });
    });
  });
}
