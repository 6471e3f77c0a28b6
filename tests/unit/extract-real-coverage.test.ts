import { describe, expect, it } from 'vitest';
import { type ArticleText, extractEvents, htmlToBlocks } from '../../lib/extraction/index.ts';
import { sentencesOf } from '../../lib/extraction/sentences.ts';

// Tuesday 15 October 2024, morning in Europe.
const PUBLISHED = '2024-10-15T08:30:00Z';

const dated = (article: ArticleText) => extractEvents(article).filter((event) => event.kind === 'dated');
const datedIn = (html: string, publishedAt = PUBLISHED) =>
  dated({ html, publishedAt }).map(({ date, datePrecision, endDate, quote }) => ({
    date,
    datePrecision,
    endDate,
    quote,
  }));

describe('sentence boundaries in news copy', () => {
  it('keeps abbreviations of months, titles, places and times inside their sentence', () => {
    expect(
      sentencesOf('Sen. Ortiz and Gov. Lee met Lt. Gen. Park at No. 4 St. Clair Road at 7 a.m. Friday.'),
    ).toHaveLength(1);
    expect(sentencesOf('The U.K. envoy and a U.S. delegation left on Sept. 9 for talks.')).toHaveLength(1);
    expect(sentencesOf('The ferry sailed at 5 p.m. on Jan. 4, the port said.')).toHaveLength(1);
  });

  it('ends a sentence on a date without losing the day', () => {
    expect(sentencesOf('The relief ship docked on Oct. 13. Crews began unloading at dawn.')).toEqual([
      'The relief ship docked on Oct. 13.',
      'Crews began unloading at dawn.',
    ]);
    expect(
      datedIn('<p>The relief ship docked on Oct. 13. Crews began unloading at dawn.</p>')[0],
    ).toMatchObject({
      date: '2024-10-13',
    });
  });

  it('splits text scraped without a space after the full stop', () => {
    const [first, second] = sentencesOf('The plant shut on Friday.Engineers said repairs would take weeks.');
    expect(first).toMatch(/^The plant shut on Friday\.?$/);
    expect(second).toBe('Engineers said repairs would take weeks.');
  });

  it('keeps an ordinal day and its month together ("am 9. Oktober")', () => {
    expect(sentencesOf('Am 9. Oktober trat der Minister zurück.')).toHaveLength(1);
  });

  it('reads one timeline entry per line in plain text, but keeps hard-wrapped prose whole', () => {
    const text = 'Oct. 8: The council votes to close the depot.\nOct. 9: Drivers walk out in protest.';
    expect(htmlToBlocks(text).map((block) => block.text)).toHaveLength(2);
    expect(datedIn(text).map((event) => event.date)).toEqual(['2024-10-08', '2024-10-09']);
    expect(htmlToBlocks('The council voted to close the depot\nafter a long debate.')).toHaveLength(1);
  });
});
