import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightOf } from '../../lib/dedup/cluster-links.ts';
import {
  type ArticleAccount,
  accountKey,
  accountsMatch,
  CLUSTER_RULES,
  clusterAccounts,
  eventDate,
  postingOf,
  withSameDay,
} from '../../lib/dedup/index.ts';
import { evidenceOf } from '../../lib/dedup/similarity.ts';
import type { Source } from '../../lib/timeline/index.ts';
import { anAccount, told } from '../support/accounts.ts';

let n = 0;
/** One article telling several things: its accounts, each knowing the others of its day. */
function article(outlet: string, title: string, told: Array<[string, string]>): ArticleAccount[] {
  const id = ++n;
  return withSameDay(
    told.map(([date, summary], position) =>
      anAccount(id, { feedId: outlet, date, summary, title, position, quote: summary }),
    ),
  );
}

const keys = (clusters: ArticleAccount[][]) => clusters.map((c) => c.map((a) => accountKey(a.account)));
const together = (clusters: ArticleAccount[][], a: ArticleAccount, b: ArticleAccount) =>
  clusters.some((c) => c.includes(a) && c.includes(b));

describe('clusterAccounts', () => {
  it('does not chain day events of a month through one account dated only by the month', () => {
    const days = ['2024-10-08', '2024-10-10', '2024-10-23'].map((date, i) =>
      told(`outlet${i}`, date, 'Dockers at the Rotterdam container terminal walked out over night-shift pay'),
    );
    const early = told(
      'monthly',
      '2024-10',
      'Dockers at the Rotterdam container terminal walked out over night-shift pay',
      { datePrecision: 'month' },
    );
    const clusters = clusterAccounts([...days, early]);
    for (const cluster of clusters) {
      const dayDates = new Set(
        cluster.filter((a) => a.account.datePrecision === 'day').map((a) => a.account.date),
      );
      expect(dayDates.size).toBeLessThanOrEqual(1);
    }
    // The month account still joins one of them: it may join a day event of its period.
    expect(clusters.find((c) => c.includes(early))?.length).toBe(2);
  });

  it("keeps an article's two events of one day apart even when another outlet tells both at once", () => {
    const [detention, opening] = article('gazette', 'A busy Tuesday in Leeds', [
      ['2024-03-12', 'Police detained three men after a warehouse fire in Hunslet'],
      ['2024-03-12', 'The mayor opened the rebuilt Crown Point bridge to cyclists'],
    ]) as [ArticleAccount, ArticleAccount];
    const both = told(
      'courier',
      '2024-03-12',
      'Police detained three men after a warehouse fire in Hunslet as the mayor opened the rebuilt Crown Point bridge',
    );
    const clusters = clusterAccounts([detention, opening, both]);
    expect(together(clusters, detention, opening)).toBe(false);
  });

  it('keeps a detention and a press remark of one day apart when their wordings share no action', () => {
    const headline = 'Harbour strike in Gdansk enters its third week';
    const detention = told('north', '2024-05-06', 'Police detained the union leader Anna Berg at the gate', {
      title: headline,
    });
    const remark = told(
      'south',
      '2024-05-06',
      'The minister told reporters the government would stay out of it',
      {
        title: headline,
      },
    );
    // Today's pairwise rule joins them on the headline alone: one story, each article's only event that day.
    expect(accountsMatch(postingOf(detention.account, []), postingOf(remark.account, []))).toBe(true);
    expect(together(clusterAccounts([detention, remark]), detention, remark)).toBe(false);
  });

  it("keeps two events of one day apart when all they share is the story's kind: a disaster, its efforts", () => {
    const title = 'Floods in Slovenia: the latest';
    const ended = told(
      'north',
      '2024-08-11',
      'Slovenia ended rescue work in all but two regions, the disaster agency said',
      {
        title,
      },
    );
    const toured = told(
      'south',
      '2024-08-11',
      'The EU commissioner arrived in Slovenia to tour the disaster zone',
      {
        title,
      },
    );
    expect(together(clusterAccounts([ended, toured]), ended, toured)).toBe(false);
    // A word saying what happened still joins: the commissioner's tour, told twice.
    const alsoToured = told(
      'east',
      '2024-08-11',
      'EU commissioner tours the flooded disaster zone in Slovenia',
      {
        title,
      },
    );
    expect(together(clusterAccounts([toured, alsoToured]), toured, alsoToured)).toBe(true);
  });

  it('counts a pair only the story rule matches as evidence, not a join of two whole events', () => {
    const title = 'Harbour strike in Gdansk enters its third week';
    const detained = told('north', '2024-05-06', 'Police detained the union leader Anna Berg at the gate', {
      title,
    });
    const alsoDetained = told('south', '2024-05-06', 'Union leader Anna Berg was detained by police', {
      title,
    });
    const remark = told(
      'east',
      '2024-05-06',
      'The minister said at the gate the government would stay out of the strike',
      { title },
    );
    const alsoRemark = told(
      'west',
      '2024-05-06',
      'The government will stay out of the strike, the minister said',
      {
        title,
      },
    );
    // Only the story rule matches the detention and the remark, and only through one pair of the four.
    const [a, c] = [postingOf(detained.account, []), postingOf(remark.account, [])];
    expect(accountsMatch(a, c)).toBe(true);
    expect(weightOf(a, c, evidenceOf(a, c), CLUSTER_RULES)).toBe(CLUSTER_RULES.story);
    const clusters = clusterAccounts([detained, alsoDetained, remark, alsoRemark]);
    expect(together(clusters, detained, alsoDetained)).toBe(true);
    expect(together(clusters, remark, alsoRemark)).toBe(true);
    expect(together(clusters, detained, remark)).toBe(false);
  });

  it('joins same-day reports of one event by different outlets', () => {
    const a = told('north', '2024-05-06', 'Police detained the union leader Anna Berg at the harbour gate');
    const b = told(
      'south',
      '2024-05-06',
      'Anna Berg, the union leader, was detained by police at the harbour gate',
    );
    const c = told('east', '2024-05-06', 'Union leader Anna Berg detained at harbour gate, police say');
    expect(clusterAccounts([a, b, c])).toHaveLength(1);
  });

  it('joins two days only through strongly agreeing wordings (the time-zone day)', () => {
    const pacific = told(
      'west',
      '2024-11-21',
      'OpenBoard agreed in principle to reinstate Sam Reyes as chief executive',
    );
    const europe = told(
      'east',
      '2024-11-22',
      'OpenBoard agreed in principle to reinstate Sam Reyes as chief executive',
    );
    const loose = told('north', '2024-11-22', 'Sam Reyes thanked staff at OpenBoard');
    const clusters = clusterAccounts([pacific, europe, loose]);
    expect(together(clusters, pacific, europe)).toBe(true);
    expect(together(clusters, pacific, loose)).toBe(false);
  });

  it("never bridges one article's two days, whatever another outlet's copy dates", () => {
    const [evening, next] = article('gazette', 'Ferry line changes chief', [
      [
        '2024-11-21',
        'The ferry board told Lena Ortiz late on Thursday she would replace the dismissed chief executive',
      ],
      ['2024-11-22', 'The ferry board dismissed its chief executive and named Lena Ortiz to replace him'],
    ]) as [ArticleAccount, ArticleAccount];
    // A wire copy of the Thursday news, dated Friday by an outlet a time zone east.
    const copy = told(
      'eastern',
      '2024-11-22',
      'The ferry board told Lena Ortiz she would replace the dismissed chief executive',
    );
    const clusters = clusterAccounts([evening, next, copy]);
    expect(together(clusters, evening, next)).toBe(false);
  });

  /** A report whose text gives no day: dated by its publication alone. */
  const ferryReport = (outlet: string, published: string) =>
    told(outlet, published, 'Lena Ortiz named ferry board chief executive after late vote', {
      kind: 'report',
      title: 'Lena Ortiz named ferry chief',
    });

  it("joins a next-morning report with no day of its own to the evening's event, never to the next day's", () => {
    const evening = ['west', 'south'].map((outlet) =>
      told(outlet, '2024-11-21', 'The ferry board named Lena Ortiz chief executive after a late vote'),
    );
    expect(clusterAccounts([...evening, ferryReport('east', '2024-11-22')])).toHaveLength(1);
    // The same report published the day before the vote cannot tell it.
    const early = ferryReport('north', '2024-11-20');
    expect(together(clusterAccounts([...evening, early]), early, evening[0] as ArticleAccount)).toBe(false);
  });

  it('joins reports with no day of their own across midnight as the time-zone day, no further', () => {
    // One wire story carried just before and just after midnight: one event, as two dated accounts would be.
    const [west, east] = [ferryReport('west', '2024-11-21'), ferryReport('east', '2024-11-22')];
    expect(clusterAccounts([west, east])).toHaveLength(1);
    expect(clusterAccounts([west, ferryReport('east', '2024-11-23')])).toHaveLength(2);
  });

  it('lets an earlier account join a group formed after it was first judged', () => {
    // The month account sorts first; the two day accounts join each other first, then it joins them.
    // Found as a bug: a group that grew was queued under its partner's version and never joined again.
    const month = told(
      'monthly',
      '2024-05',
      'The harbour strike turned violent and its organiser spent a night in custody',
      {
        datePrecision: 'month',
      },
    );
    const a = told('north', '2024-05-06', 'Police detained the union leader Anna Berg at the harbour gate');
    const b = told('south', '2024-05-06', 'Police detained the union leader Anna Berg at the harbour gate');
    expect(clusterAccounts([a, b, month])).toHaveLength(1);
  });

  it('puts must-linked accounts together whatever the rules say', () => {
    const a = told('north', '2024-05-06', 'Police detained the union leader at the gate');
    const b = told('south', '2024-05-06', 'The minister told reporters nothing would change');
    const clusters = clusterAccounts([a, b], { mustLink: [[accountKey(a.account), accountKey(b.account)]] });
    expect(clusters).toHaveLength(1);
  });

  it('gives the same clusters whatever order the accounts come in', () => {
    const accounts = [
      ...article('gazette', 'Leeds this week', [
        ['2024-03-12', 'Police detained three men after a warehouse fire in Hunslet'],
        ['2024-03-12', 'The mayor opened the rebuilt Crown Point bridge to cyclists'],
        ['2024-03-14', 'The council approved a budget of 1.2 billion pounds'],
      ]),
      told('courier', '2024-03-12', 'Three men were detained by police after the Hunslet warehouse fire'),
      told('post', '2024-03-12', 'Cyclists crossed the rebuilt Crown Point bridge after the mayor opened it'),
      told('times', '2024-03-13', 'Police detained three men after a warehouse fire in Hunslet'),
      told('herald', '2024-03', 'The Hunslet warehouse fire led police to detain three men', {
        datePrecision: 'month',
      }),
      told('echo', '2024-03-14', 'Councillors approved a 1.2 billion pound budget'),
    ];
    const expected = keys(clusterAccounts(accounts));
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(accounts.length);
    fc.assert(
      fc.property(fc.shuffledSubarray(accounts, { minLength: accounts.length }), (shuffled) => {
        expect(keys(clusterAccounts(shuffled))).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});

describe('eventDate', () => {
  const on = (site: string, date: string, fields: Partial<Source> = {}) =>
    anAccount(++n, { feedId: site, date, summary: 'x', ...fields });

  it('keeps the day when a coarser account says only the month', () => {
    const date = eventDate([on('a', '2024-10-08'), on('b', '2024-10', { datePrecision: 'month' })]);
    expect(date).toEqual({ date: '2024-10-08', datePrecision: 'day', dateDisputed: false });
  });

  it('takes the day most sites give, counting a site once however many copies it carries', () => {
    const date = eventDate([
      on('a', '2024-10-05'),
      on('a', '2024-10-05'),
      on('a', '2024-10-05'),
      on('b', '2024-10-06'),
      on('c', '2024-10-06'),
    ]);
    expect(date.date).toBe('2024-10-06');
  });

  it('does not flag the time-zone day as a dispute, but flags a date further off', () => {
    expect(eventDate([on('a', '2024-11-21'), on('b', '2024-11-22')]).dateDisputed).toBe(false);
    expect(eventDate([on('a', '2024-11-21'), on('b', '2024-11-24')]).dateDisputed).toBe(true);
    expect(
      eventDate([on('a', '2024-11-21'), on('b', '2024-12', { datePrecision: 'month' })]).dateDisputed,
    ).toBe(true);
  });

  it('dates by the dated accounts before the reports, whose date is only their publication', () => {
    const date = eventDate([
      on('a', '2024-10-09', { kind: 'report' }),
      on('b', '2024-10-07'),
      on('c', '2024-10-09', { kind: 'report' }),
    ]);
    expect(date).toEqual({ date: '2024-10-07', datePrecision: 'day', dateDisputed: false });
  });
});

describe('near-matches (partial credit) between outlets only', () => {
  const briefs = [
    'Startup Lumora launches a budgeting app for freelance designers in Bristol',
    'Retailer Kestrel launches a loyalty scheme for shoppers in Leeds',
    'Brewer Haddon launches a low-alcohol lager for pubs in Cardiff',
  ];

  it('keeps one site’s different items of a day apart when they only half agree', () => {
    const items = briefs.map((summary) => told('techdesk', '2024-03-12', summary));
    const clusters = clusterAccounts(items);
    expect(clusters).toHaveLength(briefs.length);
  });

  it('keeps year-dated accounts that only half agree apart, whoever wrote them', () => {
    const items = briefs.map((summary, i) => told(`blog${i}`, '2019', summary, { datePrecision: 'year' }));
    expect(clusterAccounts(items)).toHaveLength(briefs.length);
  });

  it('still joins one site’s two items of a day that the match rules accept', () => {
    const first = told(
      'techdesk',
      '2024-03-12',
      'Startup Lumora launches a budgeting app for freelance designers',
    );
    const again = told(
      'techdesk',
      '2024-03-12',
      'Startup Lumora launches budgeting app for freelance designers',
    );
    expect(together(clusterAccounts([first, again]), first, again)).toBe(true);
  });
});

describe('one article’s two accounts of a day', () => {
  it('stay two events when they share only the story’s own names', () => {
    const accounts = article('northdesk', 'Iceland sends fishing fleet to Svalbard', [
      ['2025-05-08', 'Norwegian Fisheries Minister claims Iceland likely to send its fleet to Svalbard'],
      [
        '2025-05-08',
        "Svalbard's Office for Coastal Safety states Iceland's vessels are already present in closed areas",
      ],
    ]);
    expect(clusterAccounts(accounts)).toHaveLength(2);
  });

  const flood = (count: string) =>
    article('rivernews', 'Relief agency asks donors for 40 million after the Varna floods', [
      [
        '2025-03-12',
        'The relief agency asked donors for 40 million to help families the Varna floods displaced',
      ],
      ['2025-03-12', count],
    ]);

  it('keep a running count of the day apart from its other news, though both tell of the disaster', () => {
    const accounts = flood(
      'At least 1,200 families have so far been displaced by the Varna floods, officials said',
    );
    expect(clusterAccounts(accounts)).toHaveLength(2);
  });

  const quake = (second: string) =>
    article('coastwire', 'Quake shakes the southern coast', [
      [
        '2025-03-09',
        'A magnitude 5.2 earthquake shook the southern coast before dawn on Sunday, damaging old houses',
      ],
      ['2025-03-09', second],
    ]);

  it.each([
    'A magnitude 4.6 earthquake shook the southern coast again at 6:40 p.m., damaging more old houses',
    'Also on Sunday, a magnitude 4.6 earthquake shook the southern coast and damaged old houses',
  ])(
    'stay two events when one is put at another time of day or opens on another development: %s',
    (second) => {
      expect(clusterAccounts(quake(second))).toHaveLength(2);
    },
  );

  it('are one event told twice when the second puts it at the same time of day', () => {
    expect(
      clusterAccounts(
        quake('The earthquake shook the southern coast at 4:12 a.m., damaging old houses in three towns'),
      ),
    ).toHaveLength(1);
  });

  it('are still one event told twice when neither is a running count', () => {
    const accounts = flood(
      'Families the Varna floods displaced will get help from the 40 million the relief agency asked donors for',
    );
    expect(clusterAccounts(accounts)).toHaveLength(1);
  });
});

describe('clustering a syndicated story', () => {
  const FERRY = 'Ferry crossings to the outer islands were suspended as the gale reached the coast';
  const BRIDGE = 'Engineers closed the old river bridge after finding cracks in two of its piers';

  it('keeps two wire stories of a day, a thousand copies between them, two events in any order', () => {
    // Enough copies that their joins leave the queue of candidates many times its live size.
    const copies = Array.from({ length: 1_000 }, (_, i) =>
      told(`outlet-${i}`, '2025-02-11', i % 2 ? FERRY : BRIDGE, { url: `https://outlet-${i}.example/${i}` }),
    );
    const sizes = (items: ArticleAccount[]) =>
      clusterAccounts(items)
        .map((cluster) => cluster.length)
        .sort((a, b) => a - b);
    expect(sizes(copies)).toEqual([500, 500]);
    const shuffled = [...copies].reverse();
    expect(clusterAccounts(shuffled).map((c) => c.map((e) => accountKey(e.account)))).toEqual(
      clusterAccounts(copies).map((c) => c.map((e) => accountKey(e.account))),
    );
  });
});

describe('partial credit for paraphrases', () => {
  const pair = () =>
    [
      told(
        'north',
        '2024-03-12',
        'Dock workers at the Gdansk port walked out over unpaid night shifts and blocked the cranes',
      ),
      told(
        'south',
        '2024-03-13',
        'Gdansk strike: union says members want back pay for shifts, talks with port owners stall',
      ),
    ].map(({ account, sameDay }) => postingOf(account, sameDay));

  it('counts a pair short of its rule by its agreement raised to the curve, more than in proportion', () => {
    const [a, b] = pair() as [ReturnType<typeof postingOf>, ReturnType<typeof postingOf>];
    const evidence = evidenceOf(a, b);
    const proportional = weightOf(a, b, evidence, { ...CLUSTER_RULES, partialCurve: 1 });
    expect(proportional).toBeGreaterThan(0);
    expect(proportional).toBeLessThan(1);
    const curved = weightOf(a, b, evidence, CLUSTER_RULES);
    expect(curved).toBeCloseTo(proportional ** CLUSTER_RULES.partialCurve, 6);
    expect(curved).toBeGreaterThan(proportional);
  });
});

describe('a month beside a report dated only by its publication', () => {
  const posting = (entry: ArticleAccount) => postingOf(entry.account, entry.sameDay);
  const month = told(
    'blog',
    '2024-03',
    'Starting at the end of March, the ferry timetable will change every second month through the summer',
  );
  const report = told(
    'paper',
    '2024-03-26',
    'Harbour study says new ships on the timetable could cut fuel costs and emissions by a third',
    { kind: 'report' },
  );

  it('gets no credit for half an agreement: the month holds too many events to say which', () => {
    const [a, b] = [posting(month), posting(report)];
    const evidence = evidenceOf(a, b);
    expect(evidence.relation).toBe('same-period');
    expect(evidence.similarity).toBeGreaterThan(0);
    expect(weightOf(a, b, evidence, CLUSTER_RULES)).toBe(0);
    expect(clusterAccounts([month, report])).toHaveLength(2);
  });

  it('still gets it beside a day the text gives', () => {
    const dated = told(
      'paper',
      '2024-03-26',
      'Harbour study says new ships on the timetable could cut fuel costs and emissions by a third',
    );
    const [a, b] = [posting(month), posting(dated)];
    expect(weightOf(a, b, evidenceOf(a, b), CLUSTER_RULES)).toBeGreaterThan(0);
  });
});
