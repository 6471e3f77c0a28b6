import { CASUAL_DAY_WORD } from './casual-days.ts';

/**
 * Whether English text holds anything chrono's English parsers (and the casual days added to them)
 * could read as a date. Nine sentences in ten of news hold no date, and chrono runs some thirty
 * patterns over each one to find that out; this one pattern rules most of them out first.
 *
 * It must never say no where chrono would say yes, so it errs wide. Every English parser needs one
 * of: a digit; a month or weekday, full or abbreviated; a casual day or part of the day; a unit of
 * time (whole, or abbreviated after a count or before "ago"/"later"); or one of the other languages'
 * casual days that Dateline's own parsers add to chrono's English ("avant-hier", "anoche").
 * `tests/unit/english-date-cue.test.ts` checks chrono's own English word lists against it, so a
 * chrono upgrade that adds a word fails there, not silently here.
 */

/** chrono's counts written in words, which an abbreviated unit follows ("a few hrs", "the d"). */
const COUNT = String.raw`(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|half(?:\s{0,2}an?)?|an?|few|several|the|couple(?:\s{0,2}of)?|of)`;
const UNIT_ABBREVIATION = '(?:secs?|s|mins?|m|hrs?|h|d|w|mos?|mon|qtr|yrs?|y)';

const CUES = [
  String.raw`\d`,
  // Whole words, met inside longer ones too: "today", "weekend", "tonight", "afternoon", "Mondays".
  'day|week|month|year|hour|minute|second|quarter|night|morning|noon|evening|tomorrow|tmrw?|overmorrow',
  'january|february|march|april|june|july|august|september|october|november|december',
  // chrono takes these glued to a word before ("lastmon", "onsat") but never to one after.
  String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|sun|mon|tues?|wed|thu|thur|thurs|fri|sat)(?!\w)`,
  String.raw`\bnow\b`,
  // The casual days Dateline's own parsers add to chrono's English ("avant-hier", "anoche").
  CASUAL_DAY_WORD.source,
  // "within a few mins", "next wk", "for the d": a unit after the word that makes it a span. Only
  // the first unit of a run is looked for, so a run glued with no space between ("a hra m") is not.
  String.raw`(?:\b(?:within|in|for|this|last|past|next|after)|-)\s*(?:(?:about|around|roughly|approximately|just)\s*~?\s*)?(?:(?:a\s{0,2})?${COUNT}\s{0,3}(?:few\s{0,2})?)?${UNIT_ABBREVIATION}(?:\W|$)`,
  // "a few hrs ago", "2 d later" (the digit is caught above).
  String.raw`(?:\b|about|around)${COUNT}\s{0,3}(?:few\s{0,2})?${UNIT_ABBREVIATION}\s{0,5}(?:ago|before|earlier|later|after|from now|henceforth|forward|out)`,
];

// No `u` flag: chrono's `\W` and `\w` are ASCII, and so are these.
const DATE_CUE = new RegExp(CUES.join('|'), 'i');

export function mayHoldEnglishDate(text: string): boolean {
  return DATE_CUE.test(text);
}
