import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { DynamoArticleLedger } from '../../lib/store/index.ts';
import { anArticle } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';

const harbour = anArticle(12, { feedId: 'harbour', feedName: 'Harbour News' });
const mirror = { ...harbour, feedId: 'mirror', feedName: 'Mirror' };
const MIRROR = { id: 'mirror', name: 'Mirror' };

describe('the article ledger in DynamoDB', () => {
  let stack: LocalStack;
  let ledger: DynamoArticleLedger;
  beforeAll(async () => {
    stack = await startLocalStack(workspace().options);
    ledger = new DynamoArticleLedger(stack.dynamo, 'dateline');
  });
  afterAll(() => stack.stop());

  it('sorts fetched articles: new or edited to queue, known from another feed to credit, the rest seen', async () => {
    expect(await ledger.triage([harbour])).toEqual({ unseen: [harbour], carried: [] });
    await ledger.markSeen(harbour);
    expect(await ledger.triage([harbour, mirror])).toEqual({ unseen: [], carried: [mirror] });
    const edited = { ...mirror, contentHash: 'h2' };
    expect(await ledger.triage([edited])).toEqual({ unseen: [edited], carried: [] });
    await ledger.markCarried(mirror);
    expect(await ledger.triage([harbour, mirror])).toEqual({ unseen: [], carried: [] });
  });

  it('answers a credit and a recording with the entry as they left it, whichever came first', async () => {
    await ledger.markSeen(harbour);
    expect(await ledger.credit(harbour.id, MIRROR)).toEqual({ accounts: undefined, credits: [MIRROR] });
    expect(await ledger.credit(harbour.id, MIRROR)).toEqual({ accounts: undefined, credits: [MIRROR] });
    expect(await ledger.recorded(harbour.id, 8)).toEqual({ accounts: 8, credits: [MIRROR] });
    // A shorter edit or a redelivery keeps the most accounts any version gave.
    expect(await ledger.recorded(harbour.id, 5)).toEqual({ accounts: 8, credits: [MIRROR] });
    expect(await ledger.recorded(harbour.id, 9)).toEqual({ accounts: 9, credits: [MIRROR] });
    const wire = { id: 'wire', name: 'Wire' };
    expect(await ledger.credit(harbour.id, wire)).toEqual({ accounts: 9, credits: [MIRROR, wire] });
    // The poller still reads its part of the item.
    expect(await ledger.triage([harbour])).toEqual({ unseen: [], carried: [] });
  });

  it('keeps the worker’s note on an article recorded before the poller marked it seen', async () => {
    // The worker can take a message before the poller, which marks after sending, has marked it.
    const early = anArticle(13, { feedId: 'harbour', feedName: 'Harbour News' });
    expect(await ledger.recorded(early.id, 4)).toEqual({ accounts: 4, credits: [] });
    // Not marked by the poller yet: still unseen to it.
    expect(await ledger.triage([early])).toEqual({ unseen: [early], carried: [] });
    await ledger.markSeen(early);
    expect(await ledger.triage([early])).toEqual({ unseen: [], carried: [] });
    expect(await ledger.credit(early.id, MIRROR)).toEqual({ accounts: 4, credits: [MIRROR] });
  });
});
