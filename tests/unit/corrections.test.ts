import { describe, expect, it } from 'vitest';
import { CorrectionSchema, EditError, type EditTarget, edit } from '../../lib/corrections/index.ts';
import { recordAccount } from '../../lib/dedup/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';
import { anAccount } from '../support/accounts.ts';
import { MemoryEvents } from '../support/memory-events.ts';

const editor = { by: 'desk@example.org', why: 'checked against the sources' };
const FERRY = 'The island ferry service resumed sailing after the storm repairs';
const BRIDGE = 'The city council approved funding for the new river bridge';

let n = 0;
/** An outlet's account on 8 October; each call a new article from its own outlet. */
const told = (summary: string, fields: Partial<Source> = {}) =>
  anAccount(++n, { date: '2024-10-08', summary, feedId: `outlet${n}`, ...fields });

async function recorded(repo: MemoryEvents, ...accounts: Source[]) {
  for (const account of accounts) await recordAccount(repo, account);
}

const holding = (repo: MemoryEvents, account: Source) =>
  repo.events().find((e) => e.accounts.some((a) => a.articleId === account.articleId)) as TimelineEvent;

const fix = (repo: MemoryEvents, target: EditTarget) => edit(repo, { ...editor, ...target });

/** What the public could compare: the event without the storage counter. */
const content = (events: TimelineEvent[]) => events.map(({ version: _v, ...rest }) => rest);

describe('corrections as constraints', () => {
  it('merges two events, and a later article does not pull them apart', async () => {
    const repo = new MemoryEvents();
    const [ferry, bridge] = [told(FERRY), told(BRIDGE)];
    await recorded(repo, ferry, bridge);
    expect(repo.events()).toHaveLength(2);
    await fix(repo, { verb: 'merge', events: [holding(repo, ferry).id, holding(repo, bridge).id] });
    expect(repo.events()).toHaveLength(1);
    expect(holding(repo, ferry)).toMatchObject({ edited: true, editedAt: repo.log[0]?.at });
    await recorded(repo, told(`${FERRY}, the operator said`));
    expect(repo.events()).toHaveLength(1);
    expect(holding(repo, bridge).accounts).toHaveLength(3);
  });

  it('splits a source out, and a later article telling it the same way does not join them again', async () => {
    const repo = new MemoryEvents();
    const [first, second] = [told(FERRY), told(`${FERRY} on Tuesday`)];
    await recorded(repo, first, second);
    expect(repo.events()).toHaveLength(1);
    await fix(repo, { verb: 'split', event: holding(repo, first).id, urls: [second.url] });
    expect(repo.events()).toHaveLength(2);
    // Worded like both: it may join either, never both together.
    await recorded(repo, told(`${FERRY}, officials confirmed`));
    expect(holding(repo, first).id).not.toBe(holding(repo, second).id);
    expect(holding(repo, second).edited).toBe(true);
  });

  it('hides an event from the public but keeps it, through later articles', async () => {
    const repo = new MemoryEvents();
    const ferry = told(FERRY);
    await recorded(repo, ferry);
    await fix(repo, { verb: 'hide', event: holding(repo, ferry).id });
    await recorded(repo, told(`${FERRY} this morning`));
    expect(repo.events()).toHaveLength(1);
    expect(holding(repo, ferry)).toMatchObject({ hidden: true, edited: true });
    expect(holding(repo, ferry).accounts).toHaveLength(2);
  });

  it("sets an event's date and summary over the machine's, through later articles", async () => {
    const repo = new MemoryEvents();
    const ferry = told(FERRY);
    await recorded(repo, ferry);
    const summary = 'Ferry sailings to the island resumed';
    await fix(repo, {
      verb: 'set',
      event: holding(repo, ferry).id,
      date: '2024-10',
      datePrecision: 'month',
      summary,
    });
    await recorded(repo, told(`${FERRY} at dawn`));
    expect(holding(repo, ferry)).toMatchObject({
      date: '2024-10',
      datePrecision: 'month',
      summary,
      edited: true,
    });
    expect(holding(repo, ferry).accounts).toHaveLength(2);
  });

  it("undo restores exactly the machine's result, and the log keeps both", async () => {
    const accounts = [told(FERRY), told(BRIDGE), told(`${FERRY} on Tuesday`)];
    const machine = new MemoryEvents();
    await recorded(machine, ...accounts);
    const repo = new MemoryEvents();
    await recorded(repo, ...accounts);
    const [ferry, bridge, again] = accounts as [Source, Source, Source];
    const made = [
      await fix(repo, { verb: 'merge', events: [holding(repo, ferry).id, holding(repo, bridge).id] }),
      await fix(repo, { verb: 'split', event: holding(repo, ferry).id, urls: [again.url] }),
      await fix(repo, { verb: 'set', event: holding(repo, bridge).id, summary: 'A bridge was funded' }),
      await fix(repo, { verb: 'hide', event: holding(repo, bridge).id }),
    ];
    expect(content(repo.events())).not.toEqual(content(machine.events()));
    for (const { correction } of made.reverse()) await fix(repo, { verb: 'undo', correction: correction.id });
    expect(content(repo.events())).toEqual(content(machine.events()));
    expect(repo.log.map((c) => c.verb)).toEqual([
      'merge',
      'split',
      'set',
      'hide',
      'undo',
      'undo',
      'undo',
      'undo',
    ]);
  });

  it('undoes one correction without the others, in any order', async () => {
    const repo = new MemoryEvents();
    const [ferry, bridge] = [told(FERRY), told(BRIDGE)];
    await recorded(repo, ferry, bridge);
    const merged = await fix(repo, {
      verb: 'merge',
      events: [holding(repo, ferry).id, holding(repo, bridge).id],
    });
    await fix(repo, { verb: 'hide', event: holding(repo, ferry).id });
    await fix(repo, { verb: 'undo', correction: merged.correction.id });
    expect(repo.events()).toHaveLength(2);
    // The hide named both events' accounts: both stay hidden.
    expect(repo.events().every((e) => e.hidden)).toBe(true);
  });

  it('converges when workers file articles while an editor merges: no lost correction, no lost source', async () => {
    const repo = new MemoryEvents();
    const [ferry, bridge] = [told(FERRY), told(BRIDGE)];
    await recorded(repo, ferry, bridge);
    const [ferryId, bridgeId] = [holding(repo, ferry).id, holding(repo, bridge).id];
    const later = [
      told(`${FERRY}, the operator said`),
      told(`${BRIDGE} on Monday`),
      told('A new school opened in the northern district'),
      told(`${FERRY} after weeks of repairs`),
    ];
    await Promise.all([
      ...later.map((account) => recordAccount(repo, account)),
      fix(repo, { verb: 'merge', events: [ferryId, bridgeId] }),
    ]);
    expect(repo.log).toHaveLength(1);
    expect(holding(repo, ferry).id).toBe(holding(repo, bridge).id);
    const held = repo.events().flatMap((e) => e.accounts.map((a) => a.articleId));
    expect(held.sort()).toEqual([ferry, bridge, ...later].map((a) => a.articleId).sort());
  });

  it('refuses a request naming nothing that exists, storing nothing', async () => {
    const repo = new MemoryEvents();
    const ferry = told(FERRY);
    await recorded(repo, ferry);
    const id = holding(repo, ferry).id;
    await expect(fix(repo, { verb: 'hide', event: 'evt_00ff' })).rejects.toThrow(EditError);
    await expect(
      fix(repo, { verb: 'split', event: id, urls: ['https://nowhere.example/x'] }),
    ).rejects.toThrow(/no source/);
    await expect(fix(repo, { verb: 'split', event: id, urls: [ferry.url] })).rejects.toThrow(
      /leave some source/,
    );
    await expect(fix(repo, { verb: 'merge', events: [id, id] })).rejects.toThrow(/two distinct/);
    await expect(fix(repo, { verb: 'set', event: id })).rejects.toThrow(/date or a summary/);
    await expect(fix(repo, { verb: 'undo', correction: 'cor_404' })).rejects.toThrow(/no correction/);
    const { correction } = await fix(repo, { verb: 'hide', event: id });
    await fix(repo, { verb: 'undo', correction: correction.id });
    await expect(fix(repo, { verb: 'undo', correction: correction.id })).rejects.toThrow(/undone already/);
    expect(repo.log).toHaveLength(2);
  });

  it('merges events of two months, and later articles of either month keep them merged until undone', async () => {
    const repo = new MemoryEvents();
    const [ferry, bridge] = [told(FERRY, { date: '2024-10-31' }), told(BRIDGE, { date: '2024-11-01' })];
    await recorded(repo, ferry, bridge);
    const ids = [holding(repo, ferry).id, holding(repo, bridge).id];
    const { correction } = await fix(repo, { verb: 'merge', events: ids });
    expect(repo.events()).toHaveLength(1);
    // Each month's own articles settle their month: the editor's merge pulls the other month in.
    await recorded(repo, told(`${FERRY} on Thursday`, { date: '2024-10-31' }));
    await recorded(repo, told(`${BRIDGE}, the mayor said`, { date: '2024-11-01' }));
    expect(repo.events()).toHaveLength(1);
    expect(holding(repo, ferry).accounts).toHaveLength(4);
    expect(holding(repo, bridge)).toMatchObject({ edited: true });
    await fix(repo, { verb: 'undo', correction: correction.id });
    expect(
      repo
        .events()
        .map((e) => e.accounts.length)
        .sort(),
    ).toEqual([2, 2]);
    expect(repo.events().every((e) => !e.edited)).toBe(true);
  });

  it('rejects a stored correction that is malformed', () => {
    const base = { id: 'cor_1', at: '2024-10-09T10:00:00.000Z', by: 'a', why: 'b' };
    expect(CorrectionSchema.safeParse({ ...base, verb: 'merge', accounts: ['art_1#0'] }).success).toBe(false);
    expect(CorrectionSchema.safeParse({ ...base, verb: 'hide', accounts: ['no-position'] }).success).toBe(
      false,
    );
    expect(CorrectionSchema.safeParse({ ...base, verb: 'delete', accounts: ['art_1#0'] }).success).toBe(
      false,
    );
    expect(CorrectionSchema.safeParse({ ...base, verb: 'hide', accounts: ['art_1#0'] }).success).toBe(true);
  });
});
