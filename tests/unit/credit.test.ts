import { describe, expect, it } from 'vitest';
import {
  accountId,
  creditArticle,
  creditCarriers,
  creditFeed,
  recordAccount,
  recordArticle,
} from '../../lib/dedup/index.ts';
import type { FeedRef, TimelineEvent } from '../../lib/timeline/index.ts';
import { portsArticle, portsEvents } from '../fixtures/black-sea.ts';
import { anAccount, anArticle } from '../support/accounts.ts';
import { MemoryEvents } from '../support/memory-events.ts';
import { MemoryLedger } from '../support/memory-queue.ts';

const MIRROR: FeedRef = { id: 'mirror', name: 'Mirror' };
const PAOLA =
  'A Russian missile hit the Panama-flagged container ship Paola near Odesa, killing one crew member';
const PAOLA_AGAIN = 'A missile struck the container vessel Paola near Odesa, killing one crew member';
const IZMAIL = 'Russian drones struck the port of Izmail, damaging two grain silos on the Danube';

const article = anArticle(10, {
  feedId: 'harbour',
  feedName: 'Harbour News',
  url: portsArticle.link,
  title: portsArticle.title,
  html: portsArticle.html,
});

const feedsOf = (event: TimelineEvent, articleId: string) =>
  event.accounts.filter((a) => a.articleId === articleId).map((a) => a.feeds.map((f) => f.id));

describe('creditFeed', () => {
  it('adds the feed to every account of the article, one write per event, and nothing on a second call', async () => {
    const repo = new MemoryEvents();
    const { events } = await recordArticle(repo, article);
    expect(events).toBe(portsEvents.length + 1);
    const holding = () => repo.events().filter((e) => e.accounts.some((a) => a.articleId === article.id));
    const versions = holding().map((e) => e.version);

    expect(await creditFeed(repo, article.id, events, MIRROR)).toBe(holding().length);
    for (const event of holding()) {
      expect(event.sources[0]?.feeds).toEqual([{ id: 'harbour', name: 'Harbour News' }, MIRROR]);
      expect(new Set(feedsOf(event, article.id).map((feeds) => feeds.join()))).toEqual(
        new Set(['harbour,mirror']),
      );
    }
    expect(holding().map((e) => e.version)).toEqual(versions.map((v) => v + 1));

    expect(await creditFeed(repo, article.id, events, MIRROR)).toBe(0);
    expect(holding().map((e) => e.version)).toEqual(versions.map((v) => v + 1));
  });

  it('finds the event holding an account that joined another, and leaves other articles alone', async () => {
    const repo = new MemoryEvents();
    const first = anAccount(1, { date: '2024-10-09', summary: PAOLA, feedId: 'wire' });
    const joining = anAccount(2, {
      date: '2024-10-09',
      summary: PAOLA_AGAIN,
      feedId: 'harbour',
      publishedAt: '2024-10-21T00:00:00.000Z',
    });
    await recordAccount(repo, first);
    expect(await recordAccount(repo, joining)).toBe('merged');
    const [event] = repo.events();
    expect(event?.id).toBe(accountId(first));

    expect(await creditFeed(repo, joining.articleId, 1, MIRROR)).toBe(1);
    const [credited] = repo.events();
    expect(feedsOf(credited as TimelineEvent, joining.articleId)).toEqual([['harbour', 'mirror']]);
    expect(feedsOf(credited as TimelineEvent, first.articleId)).toEqual([['wire']]);
  });

  it('credits both of an article’s accounts in one event (told twice) with one write', async () => {
    const repo = new MemoryEvents();
    const told = anAccount(3, { date: '', summary: '' }).articleId;
    await recordAccount(repo, anAccount(3, { date: '2024-10-09', summary: PAOLA }));
    await recordAccount(repo, anAccount(3, { date: '2024-10-09', summary: PAOLA_AGAIN, position: 1 }));
    // One article's two tellings join through another outlet's account that matches both.
    await recordAccount(repo, anAccount(4, { date: '2024-10-09', summary: PAOLA, feedId: 'harbour' }));
    expect(repo.events()).toHaveLength(1);
    expect(await creditFeed(repo, told, 2, MIRROR)).toBe(1);
    const accounts = repo.events()[0]?.accounts.filter((a) => a.articleId === told);
    expect(accounts?.map((a) => a.feeds.map((f) => f.id))).toEqual([
      ['wire', 'mirror'],
      ['wire', 'mirror'],
    ]);
  });

  it('keeps what a concurrent writer added to the event', async () => {
    const repo = new MemoryEvents();
    const account = anAccount(4, { date: '2024-07-02', summary: IZMAIL });
    await recordAccount(repo, account);
    // Another worker writes the event between the credit's read and its write: the credit's write
    // fails on the version, reads again and keeps the other writer's source.
    const other = anAccount(5, { date: '2024-07-02', summary: IZMAIL, feedId: 'east' });
    const update = repo.update.bind(repo);
    let raced = false;
    repo.update = async (event) => {
      if (!raced) {
        raced = true;
        await recordAccount(repo, other);
      }
      return update(event);
    };
    // The other worker's re-clustering read the credited account and wrote it: nothing left to write.
    expect(await creditFeed(repo, account.articleId, 1, MIRROR)).toBe(0);
    expect(raced).toBe(true);
    const [event] = repo.events();
    expect(event?.sources.map((s) => [s.feedId, s.feeds.map((f) => f.id)])).toEqual([
      ['wire', ['wire', 'mirror']],
      ['east', ['east']],
    ]);
  });
});

/** Every event of the ports article (there are `count`) credits both feeds on each of its accounts. */
function expectCredited(repo: MemoryEvents, count: number) {
  expect(repo.events()).toHaveLength(count);
  for (const event of repo.events()) expect(feedsOf(event, article.id)).toEqual([['harbour', 'mirror']]);
}

describe('a credit and the article it credits, in either order', () => {
  it('credit after the article is recorded: credited by the credit', async () => {
    const repo = new MemoryEvents();
    const ledger = new MemoryLedger();
    const { events } = await recordArticle(repo, article);
    expect(await creditCarriers(repo, ledger, article, events)).toEqual({ feeds: 0, events: 0 });
    expect(await creditArticle(repo, ledger, article.id, MIRROR)).toEqual({ feeds: 1, events });
    // Delivered again: nothing to write.
    expect(await creditArticle(repo, ledger, article.id, MIRROR)).toEqual({ feeds: 0, events: 0 });
    expectCredited(repo, portsEvents.length + 1);
  });

  it('credit before the article is recorded: noted, then credited by the article', async () => {
    const repo = new MemoryEvents();
    const ledger = new MemoryLedger();
    expect(await creditArticle(repo, ledger, article.id, MIRROR)).toEqual({
      feeds: 0,
      events: 0,
      pending: true,
    });
    expect(repo.events()).toEqual([]);
    const { events } = await recordArticle(repo, article);
    expect(await creditCarriers(repo, ledger, article, events)).toEqual({ feeds: 1, events });
    expectCredited(repo, portsEvents.length + 1);
  });

  it('an edit re-queued from the first feed: its new accounts get the credited feed too', async () => {
    const repo = new MemoryEvents();
    const ledger = new MemoryLedger();
    await creditCarriers(repo, ledger, article, (await recordArticle(repo, article)).events);
    await creditArticle(repo, ledger, article.id, MIRROR);
    const edited = {
      ...article,
      html: `${article.html}<p>On 16 October a tug towing a disabled tanker reached the port of Chornomorsk.</p>`,
    };
    const { events } = await recordArticle(repo, edited);
    expect(events).toBe(portsEvents.length + 2);
    expect(await creditCarriers(repo, ledger, edited, events)).toEqual({ feeds: 1, events: 1 });
    expectCredited(repo, portsEvents.length + 2);
  });
});
