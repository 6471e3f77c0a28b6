import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { candidateRanges, recordAccount } from '../../lib/dedup/index.ts';
import { DynamoEventStore, fileStoredAccounts } from '../../lib/store/index.ts';
import { anAccount, anEvent } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';

const SUMMARY = 'A missile struck the container ship Paola in the port of Odesa, killing one sailor';

describe('a table written before postings (data model v1)', () => {
  let stack: LocalStack;
  let store: DynamoEventStore;
  beforeAll(async () => {
    stack = await startLocalStack(workspace().options);
    store = new DynamoEventStore(stack.dynamo, 'dateline');
  });
  afterAll(() => stack.stop());

  it('has its stored accounts filed once, so a new account joins the old event instead of a twin', async () => {
    // What an older version left: an event, no postings, no schema mark.
    await stack.dynamo.send(
      new DeleteItemCommand({ TableName: 'dateline', Key: marshall({ pk: 'META#SCHEMA', sk: 'META' }) }),
    );
    const old = anAccount(1, { date: '2024-10-09', summary: SUMMARY });
    expect(await store.create(anEvent(old))).toBe(true);
    expect(await store.postingsIn(candidateRanges(old))).toEqual([]);

    expect(await fileStoredAccounts(stack.dynamo, 'dateline')).toBe(1);
    expect((await store.postingsIn(candidateRanges(old))).map((p) => p.articleId)).toEqual([old.articleId]);
    expect(await fileStoredAccounts(stack.dynamo, 'dateline')).toBe(0); // marked done

    const again = anAccount(2, { date: '2024-10-09', summary: `${SUMMARY}, port officials said` });
    expect(await recordAccount(store, again)).toBe('merged');
  });

  it('files again, from a version 2 table, each account with its article’s other wordings of its day', async () => {
    await stack.dynamo.send(
      new PutItemCommand({
        TableName: 'dateline',
        Item: marshall({ pk: 'META#SCHEMA', sk: 'META', version: 2 }),
      }),
    );
    const trial = anAccount(7, {
      date: '2024-11-04',
      summary: 'The court opened the trial of the former minister',
    });
    const march = anAccount(7, {
      date: '2024-11-04',
      summary: 'Protesters marched on the ministry',
      position: 1,
    });
    const later = anAccount(7, { date: '2024-11-05', summary: 'The defence asked for a delay', position: 2 });
    for (const account of [trial, march, later]) expect(await store.create(anEvent(account))).toBe(true);

    expect(await fileStoredAccounts(stack.dynamo, 'dateline')).toBeGreaterThanOrEqual(3);
    const filed = (await store.postingsIn(candidateRanges(trial))).filter(
      (p) => p.articleId === trial.articleId,
    );
    const byPosition = new Map(filed.map((p) => [p.position, p]));
    expect(byPosition.get(0)?.sameDay).toEqual([march.summary]);
    expect(byPosition.get(1)?.sameDay).toEqual([trial.summary]);
    expect(byPosition.get(2)?.sameDay).toEqual([]);
    expect(byPosition.get(0)?.title).toBe(trial.title);
    expect(await fileStoredAccounts(stack.dynamo, 'dateline')).toBe(0);
  });
});
