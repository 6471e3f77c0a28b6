import { beforeEach, describe, expect, it } from 'vitest';
import { type FeedState, type FeedStateStore, initialState } from '../../lib/feeds/index.ts';

const NOW = new Date('2024-10-20T08:00:00.000Z');
const stateOf = (feedId: string, at = NOW) =>
  initialState({ id: feedId, url: `https://${feedId}.example/rss` }, at);

/** The state a scheduler writes to claim a feed it read at `read`: due again only after the claim. */
const claimOf = (read: FeedState, minutes = 15): FeedState => ({
  ...read,
  nextPollAt: new Date(NOW.getTime() + minutes * 60_000).toISOString(),
  version: read.version + 1,
});

/**
 * What every feed-state store must do: a state is written only over the version it was read at, so of
 * two schedulers (or a scheduler and a poller) that read one version, exactly one writes; that is the
 * claim that keeps a feed from being queued twice. `makeStates` gives a fresh, empty store per test.
 */
export function describeFeedStatesContract(name: string, makeStates: () => Promise<FeedStateStore>) {
  describe(`feed-state store contract: ${name}`, () => {
    let states: FeedStateStore;
    beforeEach(async () => {
      states = await makeStates();
    });

    it('claims a feed once: a second claim from the same read is refused and the first stays', async () => {
      const read = stateOf('quay-news');
      const first = claimOf(read);
      expect(await states.save(first)).toBe(true);
      expect(await states.save(claimOf(read, 30))).toBe(false);
      expect((await states.getMany(['quay-news'])).get('quay-news')).toEqual(first);
    });

    it('lets exactly one of two claims made at once win', async () => {
      const read = stateOf('quay-news');
      const wins = await Promise.all([states.save(claimOf(read)), states.save(claimOf(read, 30))]);
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('writes only over the version read: stale and skipping writes are refused', async () => {
      const claimed = claimOf(stateOf('quay-news'));
      await states.save(claimed);
      const polled = { ...claimed, lastStatus: 200, version: claimed.version + 1 };
      expect(await states.save(polled)).toBe(true);
      expect(await states.save({ ...claimed, version: claimed.version + 1, lastStatus: 500 })).toBe(false);
      expect(await states.save({ ...polled, version: polled.version + 2 })).toBe(false);
      expect((await states.getMany(['quay-news'])).get('quay-news')).toEqual(polled);
    });

    it('reads the stored states among ids, leaving out feeds never stored', async () => {
      await states.save(claimOf(stateOf('quay-news')));
      const read = await states.getMany(['quay-news', 'never-polled']);
      expect([...read.keys()]).toEqual(['quay-news']);
    });

    it('lists every state, soonest due first', async () => {
      for (const [feedId, minutes] of [
        ['late', 50],
        ['soon', 5],
        ['middle', 20],
      ] as const)
        await states.save(claimOf(stateOf(feedId), minutes));
      expect((await states.list()).map((state) => state.feedId)).toEqual(['soon', 'middle', 'late']);
    });

    it('refuses, with an error, a state that would not read back, and stores nothing', async () => {
      await expect(
        states.save({ ...claimOf(stateOf('quay-news')), consecutiveFailures: -1 }),
      ).rejects.toThrow();
      expect((await states.getMany(['quay-news'])).size).toBe(0);
    });

    it('hands out copies: changing what a read returned changes nothing stored', async () => {
      const claimed = claimOf(stateOf('quay-news'));
      await states.save(claimed);
      const read = (await states.getMany(['quay-news'])).get('quay-news');
      if (read) read.nextPollAt = NOW.toISOString();
      for (const listed of await states.list()) listed.unhealthy = true;
      expect((await states.getMany(['quay-news'])).get('quay-news')).toEqual(claimed);
    });

    it('blocks a host until a time, the latest block replacing the one before', async () => {
      expect(await states.hostBlockedUntil('quay.example')).toBeUndefined();
      await states.blockHost('quay.example', new Date('2024-10-20T09:00:00.000Z'));
      await states.blockHost('quay.example', new Date('2024-10-20T08:30:00.000Z'));
      expect(await states.hostBlockedUntil('quay.example')).toEqual(new Date('2024-10-20T08:30:00.000Z'));
      expect(await states.hostBlockedUntil('ferry.example')).toBeUndefined();
    });
  });
}
