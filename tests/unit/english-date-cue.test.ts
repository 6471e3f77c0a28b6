import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/extraction/dates.ts';
import { mayHoldEnglishDate } from '../../lib/extraction/english-date-cue.ts';

type Dictionary = Record<string, unknown>;
interface EnglishConstants {
  MONTH_DICTIONARY: Dictionary;
  WEEKDAY_DICTIONARY: Dictionary;
  TIME_UNIT_DICTIONARY: Dictionary;
  INTEGER_WORD_DICTIONARY: Dictionary;
}

/** chrono's own English word lists: not exported by the package, so read from its files. */
async function chronoEnglishWords(): Promise<EnglishConstants> {
  const entry = createRequire(import.meta.url).resolve('chrono-node');
  const root = entry.slice(0, entry.lastIndexOf(`${join('dist', 'cjs')}`));
  const file = join(root, 'dist', 'esm', 'locales', 'en', 'constants.js');
  return (await import(pathToFileURL(file).href)) as EnglishConstants;
}

const at = new Date('2025-03-12T12:00:00Z');
const chronoReads = (text: string) => chrono.casual.parse(text, { instant: at, timezone: 'UTC' }).length > 0;

describe('mayHoldEnglishDate: a sentence chrono could date is never ruled out', () => {
  it("lets every month, weekday and unit of chrono's English lists through", async () => {
    const words = await chronoEnglishWords();
    const samples = [
      ...Object.keys(words.MONTH_DICTIONARY).map((month) => `The talks resumed in ${month} after a pause`),
      ...Object.keys(words.WEEKDAY_DICTIONARY).map((day) => `The talks resumed on ${day} after a pause`),
      ...Object.keys(words.TIME_UNIT_DICTIONARY).flatMap((unit) => [
        `The talks resumed a few ${unit} ago`,
        `The talks resume within the ${unit}, aides said`,
        `The talks resumed last ${unit}, aides said`,
      ]),
      ...Object.keys(words.INTEGER_WORD_DICTIONARY).map((count) => `The talks resumed ${count} hrs later`),
    ];
    expect(samples.length).toBeGreaterThan(100);
    for (const sample of samples) {
      if (chronoReads(sample)) expect(mayHoldEnglishDate(sample), sample).toBe(true);
    }
  });

  it('lets through the casual days and clock times news writes', () => {
    const dated = [
      'The mayor spoke this morning outside the depot.',
      'Crews worked through the night to reopen the bridge.',
      'Officials said yesterday that the plant would reopen.',
      'The council meets tomorrow to vote on the budget.',
      'Two days ago the river burst its banks.',
      'The ferry left at 6pm with 40 people aboard.',
      'A couple of hours later the fire was out.',
      'The strike is now in its second week.',
      'Police were called shortly after midnight.',
      'The day before yesterday the dam was still holding.',
    ];
    for (const sentence of dated) {
      expect(chronoReads(sentence), sentence).toBe(true);
      expect(mayHoldEnglishDate(sentence), sentence).toBe(true);
    }
  });

  it('rules out the sentences with nothing a date is made of', () => {
    const undated = [
      'The mayor said the depot was unsafe and should close.',
      'Shares of the carmaker fell sharply as investors took fright.',
      'Residents described a loud bang and a cloud of smoke.',
      'The minister, who faces an inquiry, declined to comment.',
    ];
    for (const sentence of undated) {
      expect(chronoReads(sentence), sentence).toBe(false);
      expect(mayHoldEnglishDate(sentence), sentence).toBe(false);
    }
  });

  it('leaves the dates found in English unchanged for the sentences it lets through', () => {
    const mentions = findDates('Officials said on Tuesday that the plant would reopen in May.', at, {
      language: 'en',
    });
    expect(mentions.map((mention) => mention.date)).toEqual(['2025-03-11', '2025-05']);
    expect(findDates('Officials said the plant would reopen soon.', at, { language: 'en' })).toEqual([]);
  });
});
