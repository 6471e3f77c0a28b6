import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { queryAll, queryPages } from '../../lib/store/query-pages.ts';
import { workspace } from '../support/local.ts';

/** Every paged read in the store goes through these: a page that stops early must not lose items. */
describe('queryPages on the embedded table', () => {
  const ws = workspace();
  let stack: LocalStack;
  const pk = 'PAGING#test';
  const query = (extra: object = {}) => ({
    TableName: 'dateline',
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: marshall({ ':pk': pk }),
    ...extra,
  });

  beforeAll(async () => {
    stack = await startLocalStack(ws.options);
    for (let n = 0; n < 7; n++)
      await stack.dynamo.send(
        new PutItemCommand({ TableName: 'dateline', Item: marshall({ pk, sk: `ITEM#${n}`, n }) }),
      );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('follows LastEvaluatedKey to the last page, every item once and in order', async () => {
    const pages: number[] = [];
    for await (const page of queryPages(stack.dynamo, query({ Limit: 3 })))
      pages.push(page.Items?.length ?? 0);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(7);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const items = await queryAll(stack.dynamo, query({ Limit: 2 }));
    expect(items.map((item) => unmarshall(item).n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('starts after ExclusiveStartKey when one is given', async () => {
    const items = await queryAll(
      stack.dynamo,
      query({ Limit: 2, ExclusiveStartKey: marshall({ pk, sk: 'ITEM#4' }) }),
    );
    expect(items.map((item) => unmarshall(item).n)).toEqual([5, 6]);
  });
});
