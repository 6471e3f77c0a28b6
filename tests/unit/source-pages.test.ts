import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { deriveEvent } from '../../lib/dedup/index.ts';
import { eventItems, INLINE_ACCOUNTS_BYTES, type Parts } from '../../lib/store/event-parts.ts';
import { CursorCodec, InvalidCursorError, listedFormOf, type Source } from '../../lib/timeline/index.ts';
import { pageSources } from '../../lib/timeline/source-pages.ts';
import { anAccount } from '../support/accounts.ts';

const cursors = new CursorCodec('a-test-secret-of-16+');
const minute = (n: number) => new Date(Date.UTC(2025, 2, 4, 9) + n * 60_000).toISOString();
const outlet = (n: number, quote = 'The ferry service to the islands resumed after the storm.') =>
  anAccount(n, { date: '2025-03-04', summary: quote, quote, feedId: `outlet-${n}`, publishedAt: minute(n) });

describe('paging an event’s sources', () => {
  const sources: Source[] = Array.from({ length: 7 }, (_, n) => outlet(n + 1));

  it('gives every source once, in order, and no cursor after the last page', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const got = pageSources('evt_01', sources, { limit: 3, cursor }, cursors);
      seen.push(...got.sources.map((s) => s.url));
      if (!got.nextCursor) break;
      cursor = got.nextCursor;
    }
    expect(seen).toEqual(sources.map((s) => s.url));
  });

  it('keeps its place when a source is added before it meanwhile: nothing repeated, nothing skipped', () => {
    const first = pageSources('evt_01', sources, { limit: 3 }, cursors);
    const late = { ...outlet(99), publishedAt: minute(0) };
    const grown = [late, ...sources];
    const next = pageSources('evt_01', grown, { limit: 10, cursor: first.nextCursor ?? '' }, cursors);
    expect([...first.sources, ...next.sources].map((s) => s.url)).toEqual(sources.map((s) => s.url));
  });

  it('refuses a cursor of another event', () => {
    const first = pageSources('evt_01', sources, { limit: 1 }, cursors);
    expect(() =>
      pageSources('evt_02', sources, { limit: 1, cursor: first.nextCursor ?? '' }, cursors),
    ).toThrow(InvalidCursorError);
  });
});

describe('storing an event of thousands of accounts', () => {
  const long = 'A long wire paragraph about the storm, the ferries, the harbour and the islands. '.repeat(6);
  const wire = deriveEvent(
    'evt_0a',
    Array.from({ length: 2_000 }, (_, n) => outlet(n + 1, long)),
    0,
  );

  it('keeps the accounts in parts, each well under DynamoDB’s 400 KB, in order', () => {
    const items = eventItems(wire, undefined, () => 'tok');
    expect(items.event).not.toHaveProperty('accounts');
    expect(items.parts.length).toBeGreaterThan(3);
    for (const part of items.parts) expect(JSON.stringify(marshall(part)).length).toBeLessThan(300_000);
    expect(items.parts.flatMap((part) => part.accounts as Source[])).toEqual(wire.accounts);
    expect(JSON.stringify(marshall(items.event, { removeUndefinedValues: true })).length).toBeLessThan(
      200_000,
    );
  });

  it('writes one more carrier as one new part, naming the unchanged ones it replaces', () => {
    const before = eventItems(wire, undefined, () => 'one');
    const stored = before.event.parts as Parts;
    const grown = deriveEvent('evt_0a', [...wire.accounts, outlet(2_001, long)], 1);
    const after = eventItems(grown, stored, () => 'two');
    const named = after.event.parts as { keys: string[] };
    expect(after.parts).toHaveLength(1);
    expect(named.keys.slice(0, -1)).toEqual((stored as { keys: string[] }).keys.slice(0, -1));
    // Every account once, in order, from the parts the item names: the kept ones and the new one.
    const byKey = new Map(
      [...before.parts, ...after.parts].map((part) => [part.sk, part.accounts as Source[]]),
    );
    expect(named.keys.flatMap((key) => byKey.get(key) ?? [])).toEqual(grown.accounts);
  });

  it('writes every part afresh when an account early in the order changed', () => {
    const before = eventItems(wire, undefined, () => 'one');
    const edited = deriveEvent(
      'evt_0a',
      wire.accounts.map((account, n) =>
        n === 0 ? { ...account, quote: `${account.quote} Updated.` } : account,
      ),
      1,
    );
    const after = eventItems(edited, before.event.parts as Parts, () => 'two');
    const named = after.event.parts as { keys: string[] };
    expect(named.keys[0]).toContain('two');
    expect(after.parts.flatMap((part) => part.accounts as Source[])[0]?.quote).toContain('Updated.');
  });

  it('lists its first sources with the count and every feed', () => {
    const listed = listedFormOf(wire);
    expect(listed.sources).toEqual(wire.sources.slice(0, 25));
    expect(listed.sourceCount).toBe(2_000);
    expect(listed.feedIds).toContain('outlet-2000');
  });

  it('keeps a small event’s accounts on its item', () => {
    const small = deriveEvent('evt_0b', [outlet(1), outlet(2)], 0);
    expect(JSON.stringify(small.accounts).length).toBeLessThan(INLINE_ACCOUNTS_BYTES);
    expect(eventItems(small)).toMatchObject({ event: { accounts: small.accounts }, parts: [] });
  });
});
