import { describe, expect, it } from 'vitest';
import {
  accountId,
  accountsMatch,
  accountsOf,
  candidateRanges,
  dateRelation,
  deriveEvent,
  mergeAccounts,
  onePerArticle,
  postingOf,
  recordAccount,
} from '../../lib/dedup/index.ts';
import { eventsOf } from '../../lib/extraction/index.ts';
import type { Source, TimelineEvent } from '../../lib/timeline/index.ts';
import { anArticle } from '../support/accounts.ts';
import { interposed, MemoryEvents } from '../support/memory-events.ts';

let articles = 0;
function account(summary: string, overrides: Partial<Source> = {}): Source {
  const articleId = overrides.articleId ?? `art_${String(++articles).padStart(32, '0')}`;
  return {
    articleId,
    // Each article its own site, as two outlets' reports are: one site's items match on closer terms.
    url: `https://site-${articleId.slice(-8)}.example/${articleId}`,
    title: `Title ${articleId}`,
    feedId: 'wire',
    feedName: 'Wire',
    publishedAt: '2024-10-13T09:00:00.000Z',
    quote: summary,
    position: 0,
    kind: 'dated',
    date: '2024-10-08',
    datePrecision: 'day',
    endDate: null,
    scheduled: false,
    summary,
    topics: [],
    entities: { people: [], places: [], organizations: [] },
    ...overrides,
    feeds: overrides.feeds ?? [{ id: overrides.feedId ?? 'wire', name: overrides.feedName ?? 'Wire' }],
  };
}

const MINISTER_A = 'South Korean Defense Minister claims North Korea likely to send troops to Ukraine';
const MINISTER_B = "South Korea's defence minister said Pyongyang was likely to dispatch troops to Ukraine";
const PERSONNEL =
  "Ukraine's Center for Countering Disinformation states North Korean military personnel are already present in occupied areas";

describe('dateRelation', () => {
  const day = (date: string) => ({ date, datePrecision: 'day' as const });
  const month = (date: string) => ({ date, datePrecision: 'month' as const });
  const year = (date: string) => ({ date, datePrecision: 'year' as const });
  it('tells the same day, a day apart, a day inside its month and equal months or years, and nothing else', () => {
    expect(dateRelation(day('2024-10-08'), day('2024-10-08'))).toBe('same-day');
    expect(dateRelation(day('2024-10-08'), day('2024-10-09'))).toBe('next-day');
    expect(dateRelation(day('2024-10-08'), day('2024-10-10'))).toBe('apart');
    expect(dateRelation(day('2024-10-31'), day('2024-11-01'))).toBe('next-day');
    expect(dateRelation(day('2024-10-08'), month('2024-10'))).toBe('same-period');
    expect(dateRelation(day('2024-11-08'), month('2024-10'))).toBe('apart');
    expect(dateRelation(year('2024'), day('2024-10-08'))).toBe('apart');
    expect(dateRelation(year('2024'), year('2024'))).toBe('same-period');
  });

  it("reads a report dated by its publication alone as telling its day's news or the day before's", () => {
    const published = (date: string) => ({ ...day(date), kind: 'report' as const });
    const dated = { ...published('2024-10-09'), datedByLead: true };
    expect(dateRelation(day('2024-10-08'), published('2024-10-09'))).toBe('same-day');
    expect(dateRelation(published('2024-10-09'), day('2024-10-08'))).toBe('same-day');
    // Never news of the day after it was published; a report its text dates keeps that day.
    expect(dateRelation(published('2024-10-09'), day('2024-10-10'))).toBe('next-day');
    expect(dateRelation(day('2024-10-08'), dated)).toBe('next-day');
    expect(dateRelation(published('2024-10-08'), published('2024-10-09'))).toBe('next-day');
  });
});

describe('candidateRanges', () => {
  it('reads the day either side and the month-level entries of those months', () => {
    expect(candidateRanges({ date: '2024-10-31', datePrecision: 'day' })).toEqual([
      { lower: '2024-10-30#', upper: '2024-11-01#~' },
      { lower: '2024-10-00#', upper: '2024-10-00#~' },
      { lower: '2024-11-00#', upper: '2024-11-00#~' },
    ]);
    expect(candidateRanges({ date: '2024-10', datePrecision: 'month' })).toEqual([
      { lower: '2024-10-00#', upper: '2024-10-31#~' },
    ]);
  });
});

describe('accountsMatch', () => {
  it('matches two wordings of one event and keeps two events of one day apart', () => {
    expect(accountsMatch(account(MINISTER_A), account(MINISTER_B))).toBe(true);
    expect(accountsMatch(account(MINISTER_A), account(PERSONNEL))).toBe(false);
  });

  it('needs two shared words saying what happened, not only the story, on the same day', () => {
    // Same day, same story, both about North Korean troops: sent, or already there?
    const sent = account('South Korean Defense Minister claims North Korea likely to send troops to Ukraine');
    const present = account(
      'North Korean troops are present in occupied areas, Kyiv disinformation centre says',
    );
    expect(accountsMatch(sent, present)).toBe(false);
    expect(accountsMatch(present, account(PERSONNEL))).toBe(true);
  });

  it('matches one event told in two languages by its names and its translated words', () => {
    const english = account('A missile strike on Odesa port killed three sailors on a container ship');
    const german = account('Bei einem Raketenangriff auf den Hafen von Odessa wurden drei Seeleute getötet');
    const french = account("Trois marins tués dans une frappe de missile sur le port d'Odessa");
    expect(accountsMatch(english, german)).toBe(true);
    expect(accountsMatch(english, french)).toBe(true);
  });

  it('never matches two accounts of one article directly: its author told two things', () => {
    const articleId = 'art_one_article';
    expect(
      accountsMatch(account(MINISTER_A, { articleId }), account(MINISTER_B, { articleId, position: 1 })),
    ).toBe(false);
  });

  it('does not match the same wording three days apart', () => {
    expect(accountsMatch(account(MINISTER_A), account(MINISTER_B, { date: '2024-10-11' }))).toBe(false);
  });

  it('asks less of a pair a day apart when the earlier tells its evening: the next day in time zones to the east', () => {
    const told = 'Harbour board shuts northern ferry terminal after staff ballot';
    const evening = account(
      'The harbour board voted on Tuesday evening to shut the northern ferry terminal, citing mounting losses',
    );
    const plainDay = account(
      'The harbour board voted on Tuesday to shut the northern ferry terminal, citing mounting losses and debts',
    );
    const nextDay = account(told, { date: '2024-10-09' });
    expect(accountsMatch(evening, nextDay)).toBe(true);
    expect(accountsMatch(plainDay, nextDay)).toBe(false);
    // The evening must be the earlier day's: a next day's evening is no time-zone edge.
    const eveningAfter = account(`${told} on Wednesday evening`, { date: '2024-10-09' });
    expect(accountsMatch(plainDay, eveningAfter)).toBe(false);
  });

  it("needs close wording for two items of one site: a live page's updates share its phrases", () => {
    const update = (url: string, title: string) => account(title, { kind: 'report', url, title });
    const kyiv = update('https://live.example/ukraine/1', 'Ukraine war live: Kyiv hit by drones');
    const kharkiv = update('https://live.example/ukraine/2', 'Ukraine war live: Kharkiv hit by missiles');
    expect(accountsMatch(kyiv, kharkiv)).toBe(false);
    const video = update('https://live.example/ukraine/3', 'Ukraine war live: Kyiv hit by drones (video)');
    expect(accountsMatch(kyiv, video)).toBe(true);
  });

  it("keeps apart one site's reports whose headlines differ in their figures: a series, not updates", () => {
    const item = (n: number, title: string) =>
      account(title, { kind: 'report', url: `https://releases.example/${n}`, title, quote: title });
    expect(accountsMatch(item(1, 'v3.8.3'), item(2, 'v3.8.4'))).toBe(false);
    expect(
      accountsMatch(
        item(3, 'Slack CEO Sells $91750.00 in Stock'),
        item(4, 'Slack CEO Sells $53170714.63 in Stock'),
      ),
    ).toBe(false);
    expect(
      accountsMatch(item(5, 'Slack CEO Sells 1,500 Shares'), item(6, 'Slack CEO Sells 1500 Shares')),
    ).toBe(true);
    // Two outlets disagreeing on a toll tell one quake; one site's second report with a new toll is
    // kept apart (the price of the rule: it still joins through the other outlets' reports).
    const kills = item(7, 'Kavros earthquake kills 8 as rescuers search rubble');
    const rises = (url: string) => {
      const title = 'Kavros earthquake death toll rises to 12 as rescuers search rubble';
      return account(title, { kind: 'report', url, title, quote: title });
    };
    expect(accountsMatch(kills, rises('https://wire.example/kavros'))).toBe(true);
    expect(accountsMatch(kills, rises('https://releases.example/kavros'))).toBe(false);
  });

  it('takes the site an aggregator credits over its own host', () => {
    const relayed = (credited: string, title: string) =>
      account(title, {
        kind: 'report',
        title,
        url: `https://news.aggregator.example/${credited}`,
        site: credited,
      });
    const kyiv = relayed('wire.example', 'Ukraine war live: Kyiv hit by drones');
    const kharkiv = relayed('dispatch.example', 'Ukraine war live: Kharkiv hit by missiles');
    // Two sites' reports, though both links are the aggregator's: matched as two outlets' would be.
    expect(accountsMatch(kyiv, kharkiv)).toBe(true);
    expect(accountsMatch(kyiv, { ...kharkiv, site: undefined })).toBe(true);
    expect(accountsMatch({ ...kyiv, site: undefined }, { ...kharkiv, site: undefined })).toBe(false);
  });

  describe('two articles on one story, each dating one thing to the day', () => {
    const alone = (source: Source) => ({ ...source, sameDay: [] as string[] });
    const sworn = alone(
      account('Vasko takes the oath of office in parliament', {
        url: 'https://wire.example/valmora/vasko-sworn-in',
        title: 'Irena Vasko sworn in as president of Valmora',
      }),
    );
    const inauguration = alone(
      account('Die Zeremonie fand vor den Abgeordneten statt', {
        url: 'https://www.zeitung.example/ausland/valmora-vasko',
        title: 'Irena Vasko als Präsidentin Valmoras vereidigt',
      }),
    );

    it('match by the day and the story, however differently they word it', () => {
      expect(accountsMatch(sworn, inauguration)).toBe(true);
    });

    it('do not when one of the articles dates a second thing to that day', () => {
      const busyDay = { ...inauguration, sameDay: ['Der Präsident ernannte am selben Tag die Regierung'] };
      expect(accountsMatch(sworn, busyDay)).toBe(false);
    });

    it('do not when the headlines tell different stories, or the day differs', () => {
      const flood = {
        ...inauguration,
        title: 'Floods cut the road to Kestria as the river bursts its banks',
      };
      expect(accountsMatch(sworn, flood)).toBe(false);
      expect(accountsMatch(sworn, { ...inauguration, date: '2024-10-09' })).toBe(false);
    });

    it('do not when both come from one site: its updates of a day tell the story on', () => {
      const update = { ...inauguration, url: 'https://wire.example/valmora/vasko-first-decree' };
      expect(accountsMatch(sworn, update)).toBe(false);
    });

    it('do not when their headlines share only names, as every headline of a war does', () => {
      let n = 0;
      const report = (title: string, quote: string) =>
        alone(
          account(title, {
            kind: 'report',
            date: '2024-11-17',
            title,
            quote,
            url: `https://site${++n}.example/`,
          }),
        );
      const strike = report(
        'Russia strikes Kyiv power plant',
        'Russian missiles hit a thermal power plant near Kyiv overnight, cutting heat to 200,000 homes.',
      );
      const swap = report(
        'Ukraine and Russia swap prisoners',
        'Ukraine and Russia exchanged 95 prisoners each on Sunday in a deal brokered by the UAE.',
      );
      expect(accountsMatch(strike, swap)).toBe(false);
    });

    it('do not for accounts filed before their day was recorded', () => {
      expect(accountsMatch(sworn, { ...inauguration, sameDay: undefined })).toBe(false);
    });
  });

  it("links an account to the one of an article's events of its day it agrees with most", () => {
    const port =
      'Russian drones struck the port of Odesa overnight, killing three sailors and damaging a grain terminal';
    const substation = 'Russian drones struck an Odesa substation overnight, cutting power to 30,000 homes';
    const portAccount = { ...account(port), sameDay: [substation] };
    const substationAccount = {
      ...account(substation, { articleId: portAccount.articleId }),
      sameDay: [port],
    };
    const newcomer = account(
      'Russian drones struck Odesa overnight; a substation was hit and 30,000 homes lost power',
    );
    expect(accountsMatch(newcomer, substationAccount)).toBe(true);
    expect(accountsMatch(newcomer, portAccount)).toBe(false);
    // Without the article's other wording of that day, the port account alone would have matched.
    expect(accountsMatch(newcomer, { ...portAccount, sameDay: [] })).toBe(true);
  });
});

describe('accountsOf', () => {
  it("gives each account the wordings of its article's other events of that day, not of its month", () => {
    const trial = 'the court opened the trial of the former minister';
    const march = 'protesters marched on the ministry of justice';
    const article = anArticle(1, {
      html: `<p>On 8 October ${trial}.</p>
       <p>Later on 8 October, ${march}.</p>
       <p>On 9 October the defence asked for a delay.</p>
       <p>Parliament will debate the budget in October.</p>`,
    });
    const accounts = accountsOf(article, eventsOf(article));
    const on = (date: string) => accounts.filter(({ account }) => account.date === date);
    const [first, second] = on('2024-10-08');
    expect(first?.sameDay).toEqual([second?.account.summary]);
    expect(second?.sameDay).toEqual([first?.account.summary]);
    expect(first?.sameDay[0]).toMatch(/protesters marched/i);
    expect(on('2024-10-09').map(({ sameDay }) => sameDay)).toEqual([[]]);
    const monthly = accounts.filter(({ account }) => account.datePrecision !== 'day');
    expect(monthly.length).toBeGreaterThan(0);
    expect(monthly.every(({ sameDay }) => sameDay.length === 0)).toBe(true);
  });

  it("names the site an aggregator credits, and none when the link's host is the site", () => {
    const html = '<p>On 8 October the court opened the trial of the former minister.</p>';
    const relayed = anArticle(3, { html, originUrl: 'https://www.corvuspress.example/world/trial' });
    expect(accountsOf(relayed, eventsOf(relayed)).map(({ account }) => account.site)).toContain(
      'corvuspress.example',
    );
    const direct = anArticle(4, { html });
    const sites = accountsOf(direct, eventsOf(direct)).map(({ account }) => account.site);
    expect(sites.length).toBeGreaterThan(0);
    expect(sites.every((site) => site === undefined)).toBe(true);
  });

  it('bounds those wordings, so a hostile article cannot outgrow a DynamoDB item', () => {
    // Each item its own words, so extraction keeps them apart; each far longer than a summary needs.
    const words = (i: number) =>
      Array.from({ length: 100 }, (_, k) => `w${(i * 7919 + k * 104729).toString(36)}`);
    const html = Array.from(
      { length: 120 },
      (_, i) => `<p>On 8 October the council approved ${words(i).join(' ')}.</p>`,
    ).join('');
    const accounts = accountsOf(anArticle(2, { html }), eventsOf(anArticle(2, { html })));
    const busy = accounts.filter(({ account }) => account.date === '2024-10-08');
    expect(busy.length).toBeGreaterThan(60);
    expect(Math.max(...busy.map(({ sameDay }) => sameDay.length))).toBe(50);
    expect(Math.max(...busy.map(({ account }) => account.summary.length))).toBeGreaterThan(500);
    expect(busy.every(({ sameDay }) => sameDay.every((wording) => wording.length <= 500))).toBe(true);
    const largest = Math.max(
      ...busy.map(({ account, sameDay }) => Buffer.byteLength(JSON.stringify(postingOf(account, sameDay)))),
    );
    expect(largest).toBeLessThan(64 * 1024);
  });
});

describe('deriveEvent', () => {
  it('takes the day most accounts give, refining a month, with the earliest and latest report', () => {
    const event = deriveEvent(
      'evt_0',
      [
        account('Troops crossed the border', {
          date: '2024-10',
          datePrecision: 'month',
          publishedAt: '2024-10-20T00:00:00.000Z',
        }),
        account('Troops crossed the border near Sumy', {
          date: '2024-10-08',
          publishedAt: '2024-10-09T00:00:00.000Z',
        }),
        account('The border crossing near Sumy', {
          date: '2024-10-08',
          publishedAt: '2024-10-12T00:00:00.000Z',
        }),
        account('Troops crossed near Sumy, officials say', {
          date: '2024-10-09',
          publishedAt: '2024-10-10T00:00:00.000Z',
        }),
      ],
      3,
    );
    expect(event).toMatchObject({
      date: '2024-10-08',
      datePrecision: 'day',
      firstReportedAt: '2024-10-09T00:00:00.000Z',
      lastReportedAt: '2024-10-20T00:00:00.000Z',
      version: 3,
    });
    expect(event.sources.map((s) => s.publishedAt)).toEqual(
      [...event.sources.map((s) => s.publishedAt)].sort(),
    );
  });

  it('gives the end most accounts of its date give, a single day winning over one ranged account', () => {
    const saturday = (summary: string) => account(summary, { date: '2024-10-12' });
    const weekend = account('Talks on his return went on over the weekend', {
      date: '2024-10-12',
      endDate: '2024-10-13',
    });
    const told = [
      saturday('Talks on his return began on Saturday'),
      saturday('Investors pressed for his return'),
    ];
    expect(deriveEvent('evt_0', [...told, weekend], 0).endDate).toBeNull();
    const weekends = [
      weekend,
      account('Weekend talks on his return', { date: '2024-10-12', endDate: '2024-10-13' }),
    ];
    expect(deriveEvent('evt_0', [told[0] as Source, ...weekends], 0).endDate).toBe('2024-10-13');
  });

  it('summarises with the most representative wording, whatever the order', () => {
    const accounts = [
      account(MINISTER_A),
      account(MINISTER_B),
      account('Seoul minister warns of North Korean troops for Ukraine'),
    ];
    const summaries = [accounts, [...accounts].reverse()].map(
      (order) => deriveEvent('evt_0', order, 0).summary,
    );
    expect(summaries[0]).toBe(summaries[1]);
  });

  it('summarises a syndicated story with its most-told wording, counting every copy', () => {
    const wire = 'Ferry operators suspended crossings to the islands as the storm reached the coast';
    const rewrite = 'Island boats stay in port while gales batter the shoreline, operators say';
    const early = (summary: string, minute: number) =>
      account(summary, { publishedAt: `2024-10-13T09:${String(minute).padStart(2, '0')}:00.000Z` });
    // The rewrite is published first, but three outlets carry the wire copy word for word.
    const accounts = [early(rewrite, 1), early(rewrite, 2), ...[3, 4, 5].map((m) => early(wire, m))];
    expect(deriveEvent('evt_0', accounts, 0).summary).toBe(wire);
    expect(deriveEvent('evt_0', accounts.slice(0, 4), 0).summary).toBe(rewrite);
  });

  it('is scheduled only while every dated account announces it', () => {
    const announced = account('The runoff will be held', { scheduled: true });
    expect(deriveEvent('evt_0', [announced], 0).scheduled).toBe(true);
    expect(deriveEvent('evt_0', [announced, account('The runoff was held')], 0).scheduled).toBe(false);
  });
});

describe('mergeAccounts and onePerArticle', () => {
  it('keeps every account for matching, the newer text of the same one, and one source per article', () => {
    const lead = account('Drones hit the port', { articleId: 'art_x', position: 0 });
    const item = account('Drones hit the port of Izmail', { articleId: 'art_x', position: 3 });
    const edited = { ...lead, quote: 'Drones hit the port, officials said' };
    expect(mergeAccounts([item, lead])).toEqual([lead, item]);
    expect(mergeAccounts([lead, edited])).toEqual([edited]);
    // The article's other telling stays as evidence of its one source, whichever arrived first.
    const told = { ...lead, evidence: [item.quote] };
    expect(onePerArticle([item, lead])).toEqual([told]);
    expect(onePerArticle([lead, item])).toEqual([told]);
    expect(deriveEvent('evt_0', [item, lead], 0).sources).toEqual([told]);
    expect(onePerArticle([lead])).toEqual([lead]);
  });

  it('gathers evidence of an article told in several accounts once, its quote left out', () => {
    const lead = account('Drones hit the port', { articleId: 'art_y', position: 0, evidence: ['Port hit'] });
    const item = account('Drones struck the port', {
      articleId: 'art_y',
      position: 2,
      evidence: ['Port hit'],
    });
    expect(onePerArticle([item, lead])[0]?.evidence).toEqual(['Port hit', item.quote]);
  });

  it('gives each account a stable id of its own', () => {
    expect(accountId({ articleId: 'art_x', position: 1 })).toBe(
      accountId({ articleId: 'art_x', position: 1 }),
    );
    expect(accountId({ articleId: 'art_x', position: 1 })).not.toBe(
      accountId({ articleId: 'art_x', position: 2 }),
    );
  });
});

describe('accountsOf and evidence', () => {
  it("keeps the article's other sentences telling the event as its evidence", () => {
    const article = anArticle(7, {
      title: 'Tram line closed after a bridge crack is found',
      html: `<p>The city closed the eastern tram line on 8 October after inspectors found a crack in its bridge.</p>
       <p>Inspectors found the crack in the tram bridge on 8 October, and the city closed the eastern line.</p>`,
    });
    const dated = accountsOf(article, eventsOf(article)).filter(({ account }) => account.kind === 'dated');
    expect(dated).toHaveLength(1);
    const only = dated[0];
    const told = [only?.account.quote, ...(only?.account.evidence ?? [])];
    expect(told.some((q) => q?.startsWith('The city closed the eastern tram line'))).toBe(true);
    expect(told.some((q) => q?.startsWith('Inspectors found the crack'))).toBe(true);
  });
});

const FLOOD = 'Flooding closed the motorway south of Lyon after a night of heavy rain';

describe('recordAccount', () => {
  it('joins accounts of one event, keeps others apart, and writes no event for a repeat', async () => {
    const repo = new MemoryEvents();
    const a = account(MINISTER_A);
    expect(await recordAccount(repo, a)).toBe('created');
    expect(await recordAccount(repo, account(MINISTER_B))).toBe('merged');
    expect(await recordAccount(repo, account(FLOOD))).toBe('created');
    const versions = repo.events().map((e) => e.version);
    expect(await recordAccount(repo, a)).toBe('unchanged');
    expect(repo.events().map((e) => e.version)).toEqual(versions);
    expect(
      repo
        .events()
        .map((e) => e.sources.length)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('finishes a re-clustering cut short between an event write and a retirement (a killed worker)', async () => {
    // The newcomer was published first, so the joined event takes its id and the older event's
    // id must then be retired: the crash comes in between.
    const older = account(MINISTER_B, { publishedAt: '2024-10-13T10:00:00.000Z' });
    const newcomer = account(MINISTER_A, { publishedAt: '2024-10-13T08:00:00.000Z' });
    const repo = new MemoryEvents();
    await recordAccount(repo, older);
    const killed = interposed(repo, {
      absorb: async () => {
        throw new Error('SIGKILL');
      },
    });
    await expect(recordAccount(killed, newcomer)).rejects.toThrow('SIGKILL');
    expect(repo.events()).toHaveLength(2); // the older account is on both, for now
    // The message comes back: the redelivery finishes it.
    await recordAccount(repo, newcomer);
    expect(repo.events()).toHaveLength(1);
    expect(repo.events()[0]?.accounts).toHaveLength(2);
    expect(await repo.resolve(accountId(older))).toBe(accountId(newcomer));
  });

  it('reads again after writing, so a stale concurrent writer is corrected', async () => {
    // Two outlets' reports of one event, recorded at once: the one published first arrives second.
    const [first, second] = [
      account(MINISTER_A, { publishedAt: '2024-10-13T08:00:00.000Z' }),
      account(MINISTER_B, { publishedAt: '2024-10-13T10:00:00.000Z' }),
    ];
    const repo = new MemoryEvents();
    // The second's worker reads the window before the first is filed; the first is then recorded
    // in full, and the second's worker writes from what it read: an event of its own, stale.
    let interleaved = false;
    let staleWrites = 0;
    const stale = interposed(repo, {
      postingsIn: async (ranges: Parameters<MemoryEvents['postingsIn']>[0]) => {
        const postings = await repo.postingsIn(ranges);
        if (!interleaved) {
          interleaved = true;
          await recordAccount(repo, first);
        }
        return postings;
      },
      create: async (event: TimelineEvent) => {
        if (event.accounts.length === 1) staleWrites++;
        return repo.create(event);
      },
    });
    await recordAccount(stale, second);
    expect(staleWrites).toBe(1);
    expect(repo.events()).toHaveLength(1);
    expect(repo.events()[0]).toMatchObject({ id: accountId(first) });
    expect(repo.events()[0]?.accounts).toHaveLength(2);
    // The stale event's id leads to the event that holds its account now.
    expect(await repo.resolve(accountId(second))).toBe(accountId(first));
  });

  it('gives the same timeline, ids included, for any arrival order', async () => {
    const accounts = [
      account(MINISTER_A, { publishedAt: '2024-10-09T00:00:00.000Z' }),
      account(MINISTER_B, { date: '2024-10-09', publishedAt: '2024-10-10T00:00:00.000Z' }),
      account(FLOOD, { publishedAt: '2024-10-11T00:00:00.000Z' }),
      account('Heavy rain flooded the motorway near Lyon and closed it overnight', {
        publishedAt: '2024-10-12T00:00:00.000Z',
      }),
      account('Seoul minister warns North Korea likely to send troops', {
        date: '2024-10',
        datePrecision: 'month',
      }),
    ];
    const timelines: string[] = [];
    for (const order of [
      accounts,
      [...accounts].reverse(),
      [2, 0, 4, 1, 3].map((i) => accounts[i] as Source),
    ]) {
      const repo = new MemoryEvents();
      for (const a of order) await recordAccount(repo, a);
      const events = repo.events().map(({ version, ...event }) => JSON.stringify(event));
      timelines.push(JSON.stringify(events.sort()));
    }
    expect(new Set(timelines).size).toBe(1);
    expect(JSON.parse(timelines[0] as string)).toHaveLength(2);
  });
});
