import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { candidateRanges, postingOf, postingSortKey } from '../../lib/dedup/index.ts';
import { DynamoArticleLedger, DynamoEventStore, type ItemKind, keys } from '../../lib/store/index.ts';
import { sortKeyOf, type TimelineEvent } from '../../lib/timeline/index.ts';
import { anAccount, anArticle, anEvent } from '../support/accounts.ts';
import { getJson, withTimeline, workspace } from '../support/local.ts';

const valid = anEvent(anAccount(1, { date: '2024-10-03', summary: 'The northern channel closed to cargo' }));
/** Beside it in the index, an item no read schema accepts: a date past year 9999 and no summary. */
const broken = anEvent(anAccount(2, { date: '2024-10-03', summary: 'The ferry service resumed' }));

async function putRaw(stack: { dynamo: DynamoDBClient }, event: object) {
  const { id, date } = event as TimelineEvent;
  await stack.dynamo.send(
    new PutItemCommand({
      TableName: 'dateline',
      Item: marshall({
        ...keys.event(id),
        gsi1pk: 'TIMELINE',
        gsi1sk: sortKeyOf({ id, date }),
        ...event,
      }),
    }),
  );
}

describe('an event item that fails its read schema', () => {
  const ws = workspace();
  const reported: Array<[ItemKind, string]> = [];
  let run: <T>(
    use: (base: string, store: DynamoEventStore, stack: { dynamo: DynamoDBClient }) => Promise<T>,
  ) => Promise<T>;

  beforeAll(() => {
    run = (use) =>
      withTimeline(ws.options, async (base, stack) => {
        const store = new DynamoEventStore(stack.dynamo, 'dateline', {
          report: (kind, key) => void reported.push([kind, key]),
        });
        if (!(await store.get(valid.id))) {
          expect(await store.create(valid)).toBe(true);
          await putRaw(stack, { ...broken, summary: '', firstReportedAt: '+010000-01-01T00:00:00.000Z' });
        }
        return use(base, store, stack);
      });
  });

  it('naming account parts that are malformed or not stored, is skipped and reported, not retried forever', async () => {
    await run(async (base, store, stack) => {
      const lostParts = anEvent(anAccount(3, { date: '2024-11-20', summary: 'The lock gates reopened' }));
      const badParts = anEvent(anAccount(4, { date: '2024-11-20', summary: 'The pilots went on strike' }));
      const { accounts: _a, ...withoutAccounts } = lostParts;
      await putRaw(stack, {
        ...withoutAccounts,
        parts: { token: 'gone', count: 2 },
      });
      const { accounts: _b, ...alsoWithout } = badParts;
      await putRaw(stack, {
        ...alsoWithout,
        parts: 'not parts',
      });
      expect(await store.get(lostParts.id)).toBeUndefined();
      expect(await store.getMany([badParts.id, valid.id])).toEqual([
        expect.objectContaining({ id: valid.id }),
      ]);
      expect(reported).toEqual(
        expect.arrayContaining([
          ['event', `EVENT#${lostParts.id}`],
          ['event', `EVENT#${badParts.id}`],
        ]),
      );
      expect((await fetch(`${base}/events/${lostParts.id}/sources`)).status).toBe(404);
    });
  });

  it('is skipped and reported: the listings and the event around it still answer 200', async () => {
    await run(async (base, store) => {
      const { status, body } = await getJson(`${base}/timeline?from=2024-10-01&to=2024-10-05`);
      expect(status).toBe(200);
      expect(body.events.map((e: { id: string }) => e.id)).toEqual([valid.id]);
      for (const path of ['/timeline.atom', '/timeline.rss', '/timeline.json', '/'])
        expect((await fetch(`${base}${path}`)).status).toBe(200);
      expect((await fetch(`${base}/events/${valid.id}`)).status).toBe(200);
      // The broken one reads as absent, not as a server error.
      expect((await fetch(`${base}/events/${broken.id}`)).status).toBe(404);
      const seen: TimelineEvent[] = [];
      for await (const event of store.range({ lower: '2024-10-01', upper: '2024-10-05~', order: 'asc' }))
        seen.push(event);
      expect(seen.map((e) => e.id)).toEqual([valid.id]);
      expect(reported).toContainEqual(['event', `EVENT#${broken.id}`]);
    });
  });

  it('is never written: an event that would not read back is refused at the store', async () => {
    await run(async (_base, store) => {
      const future = { ...valid, id: 'evt_ff', firstReportedAt: '+010000-01-01T00:00:00.000Z' };
      await expect(store.create(future as TimelineEvent)).rejects.toThrow(/would not read back/);
      expect(await store.get('evt_ff')).toBeUndefined();
    });
  });

  it('as a posting or a ledger entry, costs only itself: matching and triage go on without it', async () => {
    await withTimeline(ws.options, async (_base, stack) => {
      const invalid = { report: (kind: ItemKind, key: string) => void reported.push([kind, key]) };
      const store = new DynamoEventStore(stack.dynamo, 'dateline', invalid);
      const posted = (n: number) =>
        postingOf(anAccount(n, { date: '2024-10-03', summary: 'Channel closed' }));
      const good = posted(1);
      const bad = posted(2);
      await store.post(good);
      const raw = { ...bad, position: -1, date: 'someday' };
      await stack.dynamo.send(
        new PutItemCommand({
          TableName: 'dateline',
          Item: marshall({
            pk: 'ACCOUNT#bad#0',
            sk: 'POSTING',
            gsi1pk: 'POSTINGS',
            gsi1sk: postingSortKey(bad),
            ...raw,
          }),
        }),
      );
      const found = await store.postingsIn(candidateRanges({ date: '2024-10-03', datePrecision: 'day' }));
      expect(found.map((p) => p.articleId)).toEqual([good.articleId]);
      expect(reported).toContainEqual(['posting', 'ACCOUNT#bad#0']);

      const ledger = new DynamoArticleLedger(stack.dynamo, 'dateline', invalid);
      const kept = anArticle(21);
      const broken = anArticle(22);
      await ledger.markSeen(kept);
      await stack.dynamo.send(
        new PutItemCommand({
          TableName: 'dateline',
          Item: marshall({ ...keys.article(broken.id), articleId: 42, feedIds: 'not a set' }),
        }),
      );
      // Unreadable reads as never seen: queued again, which the worker absorbs.
      expect(await ledger.triage([kept, broken])).toEqual({ unseen: [broken], carried: [] });
      expect(reported).toContainEqual(['article', keys.article(broken.id).pk]);
    });
  });
});
