import { describe, expect, it } from 'vitest';
import { type Account, bestMatch, eventIdFor, newEvent, withAccount } from '../../lib/dedup/index.ts';
import { agreement, contentTerms, type ExtractedEvent, NO_ENTITIES } from '../../lib/extraction/index.ts';
import type { Source } from '../../lib/timeline/index.ts';

function mention(
  summary: string,
  date = '2024-10-08',
  overrides: Partial<ExtractedEvent> = {},
): ExtractedEvent {
  return {
    date,
    datePrecision: 'day',
    endDate: null,
    kind: 'dated',
    summary,
    quote: `${date}: ${summary}`,
    entities: NO_ENTITIES,
    scheduled: false,
    ...overrides,
  };
}

function source(articleId: string, publishedAt: string, quote: string, feedId = 'east-wire'): Source {
  return {
    articleId,
    url: `https://${feedId}.example.com/${articleId}`,
    title: `Article ${articleId}`,
    feedId,
    feedName: feedId,
    publishedAt,
    quote,
  };
}

function account(
  articleId: string,
  publishedAt: string,
  summary: string,
  options: { date?: string; topics?: string[]; quote?: string; feedId?: string } = {},
): Account {
  const m = mention(summary, options.date);
  return {
    mention: { ...m, quote: options.quote ?? m.quote },
    source: source(articleId, publishedAt, options.quote ?? m.quote, options.feedId),
    topics: options.topics ?? ['north-korea'],
  };
}

const ART_A = `art_${'a'.repeat(32)}`;
const ART_B = `art_${'b'.repeat(32)}`;
const ART_C = `art_${'c'.repeat(32)}`;

const MINISTER_A = "South Korea's defence minister said Pyongyang was likely to dispatch troops to Ukraine";
const MINISTER_B = 'South Korean Defense Minister claims North Korea likely to send troops to Ukraine';
const FACTORY = 'Kim Jong Un inspected a new missile factory in Hamhung';

describe('contentTerms', () => {
  it('leaves out function words, reporting verbs, months, weekdays and day and year numbers', () => {
    expect([
      ...contentTerms('On 8 October 2024 the minister said that it was reportedly true on Tuesday'),
    ]).toEqual(['minis', 'true']);
  });

  it('gives spelling and inflection variants the same term', () => {
    const british = contentTerms("Korea's defence ministry");
    const american = contentTerms('Korean defense ministries');
    expect(british).toEqual(american);
  });

  it('ignores case, possessives and accents', () => {
    expect(contentTerms("KYIV's Café")).toEqual(contentTerms('kyiv cafe'));
  });

  it('keeps numbers that are not days or years', () => {
    expect(contentTerms('12000 troops')).toEqual(new Set(['12000', 'troop']));
  });
});

describe('agreement', () => {
  it('counts shared terms and divides by the smaller set', () => {
    const a = new Set(['troop', 'ukrai', 'korea']);
    const b = new Set(['troop', 'ukrai', 'korea', 'north', 'send', 'minis']);
    expect(agreement(a, b)).toEqual({ shared: 3, overlap: 1 });
    expect(agreement(b, a)).toEqual({ shared: 3, overlap: 1 });
  });

  it('is zero for disjoint or empty sets', () => {
    expect(agreement(new Set(['a1']), new Set(['b1']))).toEqual({ shared: 0, overlap: 0 });
    expect(agreement(new Set(), new Set(['b1']))).toEqual({ shared: 0, overlap: 0 });
  });
});

describe('bestMatch', () => {
  const minister = newEvent(account(ART_A, '2024-10-13T09:00:00Z', MINISTER_B));
  const factory = newEvent(account(ART_A, '2024-10-13T09:00:00Z', FACTORY));

  it('matches a paraphrase of the same event on the same date', () => {
    expect(bestMatch([factory, minister], mention(MINISTER_A), ART_B)).toBe(minister);
  });

  it('does not match a different event on the same day', () => {
    expect(bestMatch([minister], mention(FACTORY), ART_B)).toBeUndefined();
    expect(bestMatch([factory], mention(MINISTER_A), ART_B)).toBeUndefined();
  });

  it('does not match the same wording on another date', () => {
    expect(bestMatch([minister], mention(MINISTER_B, '2024-10-09'), ART_B)).toBeUndefined();
  });

  it('does not match across precisions or kinds', () => {
    expect(
      bestMatch([minister], mention(MINISTER_B, '2024-10-08', { kind: 'report' }), ART_B),
    ).toBeUndefined();
    const monthly = newEvent({
      ...account(ART_A, '2024-10-13T09:00:00Z', MINISTER_B),
      mention: mention(MINISTER_B, '2024-10', { datePrecision: 'month' }),
    });
    expect(bestMatch([monthly], mention(MINISTER_B, '2024-10-08'), ART_B)).toBeUndefined();
  });

  it('breaks a tie in favour of the event already holding the article', () => {
    const one = { ...newEvent(account(ART_A, '2024-10-13T09:00:00Z', MINISTER_B)), id: 'evt_01' };
    const two = { ...newEvent(account(ART_B, '2024-10-13T09:00:00Z', MINISTER_B)), id: 'evt_02' };
    expect(bestMatch([one, two], mention(MINISTER_A), ART_B)).toBe(two);
    expect(bestMatch([two, one], mention(MINISTER_A), ART_A)).toBe(one);
  });

  it('returns undefined without candidates', () => {
    expect(bestMatch([], mention(MINISTER_A), ART_B)).toBeUndefined();
  });

  it('prefers the candidate that agrees best', () => {
    // Shares half its terms with MINISTER_A, so it would match on its own, but less well.
    const loose = newEvent(
      account(ART_C, '2024-10-13T09:00:00Z', 'South Korea troops seen near Ukraine border towns'),
    );
    expect(bestMatch([loose], mention(MINISTER_A), ART_B)).toBe(loose);
    expect(bestMatch([loose, minister], mention(MINISTER_A), ART_B)).toBe(minister);
    expect(bestMatch([minister, loose], mention(MINISTER_A), ART_B)).toBe(minister);
  });
});

describe('newEvent', () => {
  it('builds an event from one account', () => {
    const acc = account(ART_A, '2024-10-13T09:00:00Z', MINISTER_B, {
      topics: ['ukraine', 'north-korea', 'ukraine'],
    });
    const event = newEvent(acc);
    expect(event).toMatchObject({
      id: eventIdFor(acc.mention),
      date: '2024-10-08',
      datePrecision: 'day',
      endDate: null,
      kind: 'dated',
      scheduled: false,
      summary: MINISTER_B,
      topics: ['north-korea', 'ukraine'],
      firstReportedAt: '2024-10-13T09:00:00Z',
      lastReportedAt: '2024-10-13T09:00:00Z',
      sources: [acc.source],
      version: 0,
    });
  });
});

describe('withAccount', () => {
  const first = account(ART_A, '2024-10-13T09:00:00Z', MINISTER_B, { topics: ['north-korea'] });
  const second = account(ART_B, '2024-10-14T18:20:00Z', MINISTER_A, {
    topics: ['ukraine'],
    feedId: 'kyiv-ledger',
  });

  it('appends a second article as a second source and bumps the version', () => {
    const event = newEvent(first);
    const merged = withAccount(event, second);
    expect(merged).toBeDefined();
    expect(merged?.sources).toEqual([first.source, second.source]);
    expect(merged?.version).toBe(event.version + 1);
    expect(merged?.id).toBe(event.id);
  });

  it('widens the reported range and unions the topics', () => {
    const merged = withAccount(newEvent(first), second);
    expect(merged?.firstReportedAt).toBe('2024-10-13T09:00:00Z');
    expect(merged?.lastReportedAt).toBe('2024-10-14T18:20:00Z');
    expect(merged?.topics).toEqual(['north-korea', 'ukraine']);
  });

  it('returns undefined when the event already holds exactly this account', () => {
    const event = newEvent(first);
    expect(withAccount(event, first)).toBeUndefined();
    const merged = withAccount(event, second);
    if (!merged) throw new Error('expected a merge');
    expect(withAccount(merged, second)).toBeUndefined();
    expect(withAccount(merged, first)).toBeUndefined();
  });

  it('replaces the source of an article processed again with an edited quote', () => {
    const merged = withAccount(newEvent(first), second);
    if (!merged) throw new Error('expected a merge');
    const editedQuote =
      '8 October: South Korean Defense Minister says the North is likely to send troops to Ukraine';
    const edited = account(ART_B, '2024-10-14T18:20:00Z', MINISTER_A, {
      topics: ['ukraine'],
      feedId: 'kyiv-ledger',
      quote: editedQuote,
    });
    const updated = withAccount(merged, edited);
    expect(updated?.sources).toHaveLength(2);
    expect(updated?.sources.filter((s) => s.articleId === ART_B)).toEqual([edited.source]);
    expect(updated?.sources.find((s) => s.articleId === ART_B)?.quote).toBe(editedQuote);
    expect(updated?.version).toBe(merged.version + 1);
  });

  it('keeps the earliest-published wording as the summary whatever order accounts arrive in', () => {
    const third = account(
      ART_C,
      '2024-10-15T07:00:00Z',
      'Seoul warns North Korean troops are likely to head to Ukraine',
      {
        topics: ['korea'],
      },
    );
    const orders = [
      [first, second, third],
      [second, first, third],
      [third, second, first],
      [second, third, first],
    ];
    for (const [head, ...rest] of orders) {
      if (!head) throw new Error('empty order');
      let event = newEvent(head);
      for (const next of rest) {
        const merged = withAccount(event, next);
        if (!merged) throw new Error('expected a merge');
        event = merged;
      }
      expect(event.summary).toBe(MINISTER_B);
      expect(event.sources.map((s) => s.articleId)).toEqual([ART_A, ART_B, ART_C]);
      expect(event.firstReportedAt).toBe('2024-10-13T09:00:00Z');
      expect(event.lastReportedAt).toBe('2024-10-15T07:00:00Z');
      expect(event.topics).toEqual(['korea', 'north-korea', 'ukraine']);
    }
  });
});

describe('eventIdFor', () => {
  it('is deterministic and has the evt_ form', () => {
    const id = eventIdFor(mention(MINISTER_B));
    expect(id).toMatch(/^evt_[0-9a-f]{24}$/);
    expect(eventIdFor(mention(MINISTER_B))).toBe(id);
  });

  it('depends on the content terms, not on the quote or on function words', () => {
    expect(eventIdFor(mention(MINISTER_B, '2024-10-08', { quote: 'another quote' }))).toBe(
      eventIdFor(mention(MINISTER_B)),
    );
    expect(eventIdFor(mention('The minister resigned'))).toBe(eventIdFor(mention('Minister resigned')));
  });

  it('differs for another date, kind or wording', () => {
    const id = eventIdFor(mention(MINISTER_B));
    expect(eventIdFor(mention(MINISTER_B, '2024-10-09'))).not.toBe(id);
    expect(eventIdFor(mention(MINISTER_B, '2024-10-08', { kind: 'report' }))).not.toBe(id);
    expect(eventIdFor(mention(FACTORY))).not.toBe(id);
  });
});
