import { describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/stack.ts';
import { edit } from '../../lib/corrections/index.ts';
import { recordAccount } from '../../lib/dedup/index.ts';
import { DynamoEventStore } from '../../lib/store/index.ts';
import { CursorCodec, createTimelineApp, type TimelineEvent } from '../../lib/timeline/index.ts';
import { anAccount } from '../support/accounts.ts';
import { workspace } from '../support/local.ts';

const editor = { by: 'desk@example.org', why: 'checked the sources' };
const told = (n: number, summary: string) =>
  anAccount(n, { date: '2024-10-08', summary, feedId: `outlet${n}` });
const CAPTION = 'A view of the harbour lights at dusk from the old pier';
const VOTE = 'The regional assembly voted to extend the coastal nature reserve';
const LIBRARY = 'The town library opened a new reading room for children';

describe('corrections as the public sees them (dynalite)', () => {
  it('hides, marks edits, and keeps both through a new article and a restart', {
    timeout: 60_000,
  }, async () => {
    const { options } = workspace();
    const [caption, vote, library] = [told(1, CAPTION), told(2, VOTE), told(3, LIBRARY)];
    let stack = await startLocalStack(options);
    let store = new DynamoEventStore(stack.dynamo, 'dateline');
    for (const account of [caption, vote, library]) await recordAccount(store, account);
    const idOf = async (summary: string) => {
      for await (const e of store.range({ lower: '0', upper: '~', order: 'asc' }))
        if (e.accounts.some((a) => a.summary.startsWith(summary))) return e.id;
      throw new Error(`no event for ${summary}`);
    };
    await edit(store, { ...editor, verb: 'hide', event: await idOf(CAPTION) });
    const set = await edit(store, {
      ...editor,
      verb: 'set',
      event: await idOf(VOTE),
      summary: 'Reserve extended',
    });
    await stack.stop();

    // A restart, then an article telling the caption again: still hidden, now with two sources.
    stack = await startLocalStack(options);
    store = new DynamoEventStore(stack.dynamo, 'dateline');
    await recordAccount(store, told(4, `${CAPTION}, a reader sent`));
    const app = createTimelineApp({ reader: store, cursors: new CursorCodec('a-test-secret-of-16+') });
    try {
      const hiddenId = await idOf(CAPTION);
      expect((await store.get(hiddenId))?.accounts).toHaveLength(2);
      const listed = (await (await app.request('/timeline?from=2024-10-01&to=2024-10-31')).json()) as {
        events: TimelineEvent[];
      };
      expect(listed.events.map((e) => e.id).sort()).toEqual([await idOf(VOTE), await idOf(LIBRARY)].sort());
      expect((await app.request(`/events/${hiddenId}`)).status).toBe(404);
      const voted = await (await app.request(`/events/${await idOf(VOTE)}`)).json();
      expect(voted).toMatchObject({ summary: 'Reserve extended', edited: true, editedAt: set.correction.at });
      const plain = await (await app.request(`/events/${await idOf(LIBRARY)}`)).json();
      expect(plain.edited).toBe(false);
      expect(plain).not.toHaveProperty('editedAt');
      const openApi = await (await app.request('/openapi.json')).json();
      expect(Object.keys(openApi.components.schemas.Event.properties)).toEqual(
        expect.arrayContaining(['edited', 'editedAt']),
      );
    } finally {
      await stack.stop();
    }
  });
});
