import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { postingOf } from '../../lib/dedup/index.ts';
import { DynamoEventStore, itemOfHeldPosting, itemsOfNewEvent } from '../../lib/store/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';

/** Bulk loads (benchmarks, restores) write items directly: they must read back as the store's own writes. */
describe('items for bulk loads', () => {
  let stack: LocalStack;
  let store: DynamoEventStore;
  const put = (items: ReturnType<typeof itemsOfNewEvent>) =>
    stack.dynamo.send(
      new BatchWriteItemCommand({
        RequestItems: { dateline: items.map((Item) => ({ PutRequest: { Item } })) },
      }),
    );

  beforeAll(async () => {
    stack = await startLocalStack(workspace().options);
    store = new DynamoEventStore(stack.dynamo, 'dateline');
  });
  afterAll(() => stack.stop());

  it('a held posting reads back as post then hold leave it', async () => {
    const filed = postingOf(
      anAccount(1, { date: '2024-10-03', summary: 'The ferry to the islands resumed' }),
    );
    const loaded = { ...filed, articleId: `${filed.articleId.slice(0, -1)}x` };
    await store.post(filed);
    await store.hold([filed], 'evt_one');
    await put([itemOfHeldPosting(loaded, ['evt_one'])]);
    // A batch read answers in no set order.
    const read = await store.postingsOf([filed, loaded]);
    const [viaStore, viaBulk] = [filed, loaded].map((p) => read.find((r) => r.articleId === p.articleId));
    expect(viaBulk).toEqual({ ...viaStore, articleId: loaded.articleId });
    expect(viaBulk?.heldBy).toEqual(['evt_one']);
  });

  it('a new event reads back whole', async () => {
    const event = anEvent(anAccount(2, { date: '2024-10-04', summary: 'The harbour bridge reopened' }));
    await put(itemsOfNewEvent(event));
    expect(await store.get(event.id)).toEqual(event);
  });
});
