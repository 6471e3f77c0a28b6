import { beforeEach, describe, expect, it } from 'vitest';
import type { CreditLedger } from '../../lib/dedup/index.ts';
import type { ArticleLedger } from '../../lib/feeds/index.ts';
import { anArticle } from '../support/accounts.ts';

/** The article ledger: the poller's side and the worker's, one entry per article. */
export type ContractLedger = ArticleLedger & CreditLedger;

const harbour = anArticle(12, { feedId: 'harbour', feedName: 'Harbour News' });
const mirror = { ...harbour, feedId: 'mirror', feedName: 'Mirror' };
const edited = { ...harbour, contentHash: 'h2' };
const MIRROR = { id: 'mirror', name: 'Mirror' };
const WIRE = { id: 'wire', name: 'Wire' };

/**
 * What every article ledger must do: queue an article once per version, credit a feed once, and keep
 * the poller's and the worker's parts of an entry out of each other's way whichever writes first.
 * `makeLedger` gives a fresh, empty ledger per test.
 */
export function describeLedgerContract(name: string, makeLedger: () => Promise<ContractLedger>) {
  describe(`article ledger contract: ${name}`, () => {
    let ledger: ContractLedger;
    beforeEach(async () => {
      ledger = await makeLedger();
    });

    it('queues an article once per version: new or edited to queue, the same again seen', async () => {
      expect(await ledger.triage([harbour])).toEqual({ unseen: [harbour], carried: [] });
      await ledger.markSeen(harbour);
      expect(await ledger.triage([harbour])).toEqual({ unseen: [], carried: [] });
      expect(await ledger.triage([edited])).toEqual({ unseen: [edited], carried: [] });
      await ledger.markSeen(edited);
      expect(await ledger.triage([edited, harbour])).toEqual({ unseen: [harbour], carried: [] });
    });

    it('names a known article from a new feed carried, once: marking it keeps the version queued', async () => {
      await ledger.markSeen(harbour);
      expect(await ledger.triage([harbour, mirror])).toEqual({ unseen: [], carried: [mirror] });
      await ledger.markCarried(mirror);
      expect(await ledger.triage([harbour, mirror])).toEqual({ unseen: [], carried: [] });
      // An edit from either feed is queued again, and then both feeds have it.
      await ledger.markSeen({ ...mirror, contentHash: 'h2' });
      expect(await ledger.triage([edited, { ...mirror, contentHash: 'h2' }])).toEqual({
        unseen: [],
        carried: [],
      });
    });

    it('leaves an article only carried, never queued, to queue', async () => {
      await ledger.markCarried(mirror);
      expect(await ledger.triage([mirror, harbour])).toEqual({ unseen: [mirror, harbour], carried: [] });
    });

    it('keeps two feeds marking one article at once both', async () => {
      await Promise.all([ledger.markSeen(harbour), ledger.markSeen(mirror)]);
      expect(await ledger.triage([harbour, mirror])).toEqual({ unseen: [], carried: [] });
    });

    it('credits a feed once, answering with every credit by feed id, however they arrived', async () => {
      expect(await ledger.credit(harbour.id, WIRE)).toEqual({ accounts: undefined, credits: [WIRE] });
      expect(await ledger.credit(harbour.id, MIRROR)).toEqual({
        accounts: undefined,
        credits: [MIRROR, WIRE],
      });
      // A redelivered credit adds nothing.
      expect(await ledger.credit(harbour.id, MIRROR)).toEqual({
        accounts: undefined,
        credits: [MIRROR, WIRE],
      });
    });

    it('keeps the most accounts any version gave, and answers each side with the other’s part', async () => {
      expect(await ledger.recorded(harbour.id, 8)).toEqual({ accounts: 8, credits: [] });
      expect(await ledger.credit(harbour.id, MIRROR)).toEqual({ accounts: 8, credits: [MIRROR] });
      expect(await ledger.recorded(harbour.id, 5)).toEqual({ accounts: 8, credits: [MIRROR] });
      expect(await ledger.recorded(harbour.id, 9)).toEqual({ accounts: 9, credits: [MIRROR] });
    });

    it('credits a feed whichever of the credit and the recording comes first, even at once', async () => {
      const [credited, recorded] = await Promise.all([
        ledger.credit(harbour.id, MIRROR),
        ledger.recorded(harbour.id, 3),
      ]);
      // At least one of the two sees both: the one that came second.
      const both = { accounts: 3, credits: [MIRROR] };
      expect([credited, recorded]).toContainEqual(both);
    });

    it('keeps the worker’s part when the poller marks the article after it, and the other way round', async () => {
      const early = anArticle(13, { feedId: 'harbour', feedName: 'Harbour News' });
      await ledger.recorded(early.id, 4);
      expect(await ledger.triage([early])).toEqual({ unseen: [early], carried: [] });
      await ledger.markSeen(early);
      expect(await ledger.triage([early])).toEqual({ unseen: [], carried: [] });
      expect(await ledger.credit(early.id, MIRROR)).toEqual({ accounts: 4, credits: [MIRROR] });
      await ledger.markSeen({ ...early, contentHash: 'h2' });
      expect(await ledger.recorded(early.id, 1)).toEqual({ accounts: 4, credits: [MIRROR] });
    });
  });
}
