import { describe, expect, it } from 'vitest';
import type { SystemEntry } from '../eval/coverage-align.ts';
import { dateAgrees, dateAsReported } from '../eval/coverage-dates.ts';
import { scoreCoverage } from '../eval/coverage-score.ts';
import type { CoverageSet } from '../eval/coverage-set.ts';
import { contentWords, overlapCoefficient } from '../eval/overlap.ts';

const article = (id: string, text: string) => ({
  id,
  outlet: id,
  url: `https://${id}.example.org/story`,
  title: '',
  published: '2025-03-14',
  published_estimated: false,
  text,
});

const FERRY = 'The harbour authority suspended the night ferry on Tuesday after a hull inspection.';
const VOTE = 'Councillors approved the bridge budget on Wednesday, a day after the ferry stopped.';
const BYLINE = 'Posted 14 March 2025, 09:10';
const WIRE = 'On Tuesday the night ferry was suspended by the harbour authority pending repairs.';

/** Two outlets, three events: one told by both, one by each; one sentence dates two of them. */
function harbourSet(): CoverageSet {
  const mention = (article_id: string, quote: string, date: string, flags: string[] = []) => ({
    article_id,
    quote,
    date_as_reported: date,
    resolved_relative: true,
    flags,
  });
  return {
    name: 'harbour',
    dir: '',
    articles: [article('gazette', `${BYLINE}\n${FERRY}\n${VOTE}`), article('wire', WIRE)],
    events: [
      {
        event_id: 'E1',
        date: '2025-03-11',
        date_precision: 'day',
        alt_dates: [],
        summary: 'ferry suspended',
        mentions: [mention('gazette', FERRY, '2025-03-11'), mention('wire', WIRE, '2025-03-11')],
      },
      {
        event_id: 'E2',
        date: '2025-03-12',
        date_precision: 'day',
        alt_dates: [],
        summary: 'budget approved',
        mentions: [mention('gazette', VOTE, '2025-03-12', ['quote_shared_with'])],
      },
      {
        event_id: 'E3',
        date: '2025-03',
        date_precision: 'month',
        alt_dates: [],
        summary: 'the ferry stopped (as the vote sentence dates it)',
        mentions: [mention('gazette', VOTE, '2025-03-11/2025-03-12', ['quote_shared_with'])],
      },
    ],
    distractors: [{ article_id: 'gazette', quote: BYLINE, reason: 'byline' }],
  };
}

let ids = 0;
const entry = (date: string, mentions: Array<[string, string]>, precision = 'day'): SystemEntry => ({
  id: `evt_${++ids}`,
  date,
  datePrecision: precision,
  endDate: null,
  kind: 'dated',
  summary: '',
  mentions: mentions.map(([articleId, text]) => ({ articleId, text })),
});

describe('coverage scoring (the sets’ README, step by step)', () => {
  it('gives a perfect timeline full marks on every figure', () => {
    const score = scoreCoverage(harbourSet(), [
      entry('2025-03-11', [
        ['gazette', FERRY],
        ['wire', WIRE],
      ]),
      entry('2025-03-12', [['gazette', VOTE]]),
      entry('2025-03-11', [['gazette', VOTE]]),
    ]);
    expect([score.precision, score.recall, score.f1]).toEqual([1, 1, 1]);
    expect(score.mentions.recall).toBe(1);
    expect([score.dedup.pairwise.f1, score.dedup.bcubed.f1]).toEqual([1, 1]);
    expect([score.entryDates.accuracy, score.relativeDates.accuracy]).toEqual([1, 1]);
    expect(score.entryDates.samePrecision).toBeCloseTo(2 / 3);
  });

  it('aligns by content words, at least half of the shorter quote, never across articles', () => {
    const words = contentWords('The night ferry was suspended on Tuesday');
    expect([...words]).toEqual(['night', 'ferry', 'suspended', 'tuesday']);
    expect(overlapCoefficient(words, contentWords('Ferry suspended — Tuesday, night'))).toBe(1);
    expect(overlapCoefficient(words, contentWords('Tuesday was rainy and windy at sea'))).toBe(0.25);
    const elsewhere = scoreCoverage(harbourSet(), [entry('2025-03-11', [['ledger', FERRY]])]);
    expect(elsewhere.mentions.aligned).toBe(0);
    const here = scoreCoverage(harbourSet(), [entry('2025-03-11', [['wire', FERRY]])]);
    expect(here.mentions.aligned).toBe(1);
  });

  it('ignores an entry that quotes only a distractor, and counts one that quotes nothing gold', () => {
    const truth = entry('2025-03-11', [['gazette', FERRY]]);
    const byline = entry('2025-03-14', [['gazette', BYLINE]]);
    const invented = entry('2025-03-13', [['gazette', 'Divers found an old anchor near the pier.']]);
    const score = scoreCoverage(harbourSet(), [truth, byline, invented]);
    expect(score.ignoredEntries).toBe(1);
    expect(score.precision).toBe(1 / 2);
    expect(score.unmatchedEntries.noGoldMention).toHaveLength(1);
  });

  it('matches entries and events one to one: a second entry for one event is a false positive', () => {
    const score = scoreCoverage(harbourSet(), [
      entry('2025-03-11', [['gazette', FERRY]]),
      entry('2025-03-11', [['wire', WIRE]]),
    ]);
    expect(score.matched).toBe(1);
    expect(score.precision).toBe(1 / 2);
    expect(score.unmatchedEntries.duplicate).toHaveLength(1);
    expect(score.dedup.pairwise.recall).toBe(0);
    expect(score.dedup.bcubed.recall).toBe(1 / 2);
  });

  it('gives a shared sentence to the event whose date the entry has; emitted once, the other is missed', () => {
    const once = scoreCoverage(harbourSet(), [entry('2025-03-12', [['gazette', VOTE]])]);
    expect(once.matched).toBe(1);
    expect(once.missedEvents.notFound.map((e) => e.id)).toEqual(['E1', 'E3']);
    const asMonth = scoreCoverage(harbourSet(), [entry('2025-03', [['gazette', VOTE]], 'month')]);
    expect(asMonth.matched).toBe(1);
    expect(asMonth.missedEvents.notFound.map((e) => e.id)).toEqual(['E1', 'E2']);
  });

  it('sorts the misses: a found event with a wrong date, and the entry that dated it wrong', () => {
    const score = scoreCoverage(harbourSet(), [entry('2025-03-10', [['gazette', FERRY]])]);
    expect(score.missedEvents.wrongDate.map((e) => e.id)).toEqual(['E1']);
    expect(score.unmatchedEntries.wrongDate).toHaveLength(1);
    expect(score.entryDates).toMatchObject({ covered: 1, right: 0, accuracy: 0 });
    expect(score.relativeDates).toMatchObject({ total: 4, aligned: 1, right: 0 });
    const ferryRow = score.byFlag.find((row) => row.flag === 'resolved_relative');
    expect(ferryRow).toEqual({ flag: 'resolved_relative', mentions: 4, aligned: 1, dateRight: 0 });
  });
});

describe('coverage dates (gold precision, weeks, reported ranges)', () => {
  const day = { date: '2025-03-11', date_precision: 'day' as const, alt_dates: ['2025-03-12'] };
  const month = { date: '2025-02', date_precision: 'month' as const, alt_dates: [] };
  const week = (monday: string, sunday: string) => ({ date: monday, datePrecision: 'week', endDate: sunday });

  it('takes a day event’s date, an alternative date, or a day inside its range', () => {
    expect(dateAgrees({ date: '2025-03-12', datePrecision: 'day', endDate: null }, day)).toBe(true);
    expect(dateAgrees({ date: '2025-03-13', datePrecision: 'day', endDate: null }, day)).toBe(false);
    const weekend = { ...day, alt_dates: [], date_end: '2025-03-16', date: '2025-03-15' };
    expect(dateAgrees({ date: '2025-03-16', datePrecision: 'day', endDate: null }, weekend)).toBe(true);
  });

  it('counts a week for a month event it overlaps; for a day event only inside its range', () => {
    expect(dateAgrees(week('2025-02-24', '2025-03-02'), month)).toBe(true);
    expect(dateAgrees(week('2025-03-03', '2025-03-09'), month)).toBe(false);
    expect(dateAgrees(week('2025-03-10', '2025-03-16'), day)).toBe(false);
    expect(dateAgrees({ date: '2025', datePrecision: 'year', endDate: null }, month)).toBe(false);
    // "last week" labelled as its seven days: the week is inside [date, date_end].
    const lastWeek = {
      date: '2025-03-10',
      date_end: '2025-03-16',
      date_precision: 'day' as const,
      alt_dates: [],
    };
    expect(dateAgrees(week('2025-03-10', '2025-03-16'), lastWeek)).toBe(true);
    expect(dateAgrees(week('2025-03-03', '2025-03-09'), lastWeek)).toBe(false);
  });

  it('accepts a mention’s date inside what the article reported, a range or a month', () => {
    expect(
      dateAsReported({ date: '2025-03-15', datePrecision: 'day', endDate: null }, '2025-03-15/2025-03-16'),
    ).toBe(true);
    expect(dateAsReported(week('2025-03-10', '2025-03-16'), '2025-03-10/2025-03-16')).toBe(true);
    expect(dateAsReported(week('2025-03-10', '2025-03-16'), '2025-03-15/2025-03-16')).toBe(false);
    expect(dateAsReported({ date: '2025-02', datePrecision: 'month', endDate: null }, '2025-02')).toBe(true);
    expect(dateAsReported({ date: '2025-02-28', datePrecision: 'day', endDate: null }, '2025-02')).toBe(true);
  });
});
