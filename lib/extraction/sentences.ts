import { sentences } from 'sbd';
import { monthNames } from './month-names.ts';

/**
 * A day written as an ordinal with a point, then a month ("am 17. November", "den 6. februar"): the
 * point is part of the date, never a sentence end.
 */
const ORDINAL_DAY_END = /(?:^|\s)\d{1,2}\.$/;
const MONTH_PREFIXES = `jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|avr|juil|août|déc|ene|abr|ago|dic|${monthNames('tr').join('|')}`;
const MONTH_START = new RegExp(`^(?:${MONTH_PREFIXES})`, 'iu');

/** Alternatives that match with their first letter in either case, the rest as written. */
const eitherCase = (alternatives: string) =>
  alternatives.replace(/(?<=^|\|)\p{L}/gu, (first) => `[${first}${first.toUpperCase()}]`);

/**
 * A sentence that opens on its day and month ("…suspends the captain. 4 October: Crews strike"), as
 * timelines and day-first copy write them: sbd takes no digit for a sentence's start and ran the two
 * days together. Not after a short capitalised abbreviation ("No. 4", "Vol. 2").
 */
const DAY_MONTH_START = new RegExp(
  String.raw`(?<=[\p{Ll}\d]{2}[.!?]["”’»]?)\s+(?=\d{1,2}\.?\s+(?:${eitherCase(MONTH_PREFIXES)}))`,
  'u',
);
const WEEKDAY_AND_MONTH_PREFIXES =
  'Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
/** A sentence never opens in lower case: "vom 14. bis 15. November" is one. */
const LOWER_START = /^\p{Ll}/u;
/**
 * A question or exclamation closed by its quotation mark, or a French quotation closed before its
 * point ("« … couronne ». Ses avocats"), ends a sentence that sbd runs on into the next.
 */
const QUOTED_END = /(?<=[?!]["”»’]|\s»\.)\s+(?=["“«]?\p{Lu})/u;

/**
 * The platform X at a sentence's end ("she wrote on X. Her office…", "schrieb er auf X. Die
 * Regierung…"): sbd reads a lone capital and its point as an initial ("George W. Bush") and runs the
 * two sentences together. After a word that names where something was posted, it is the platform.
 */
const PLATFORM_X_END =
  /(?<=(?:^|\s)(?:on|to|via|formerly|platform|auf|vormals|sur|en)\s+X\.)\s+(?=["“«„]?\p{Lu})/u;

/**
 * A short sentence ending on a number or a short month name ("She retired in 2010. A memorial…", "He
 * was 54. His wife…", "They met in May. The wedding…"): sbd takes a capitalised word of under six
 * characters near a sentence's start for a name's abbreviation, and counts a number as capitalised,
 * so it ran the two sentences, and their dates, together. Neither is an abbreviation; a German ordinal
 * day before its month ("am 6. Februar") is joined again below.
 */
const SHORT_SENTENCE_END = /(?<=\S\s+(?:\d{1,3}(?:,\d{3})*|\d{4}|May|June|July)\.)\s+(?=["“«„]?\p{Lu})/u;

/** What goes on telling a time after "a.m.": a weekday or month, a zone ("EDT", "Eastern", "Moscow time"). */
const TIME_GOES_ON = String.raw`(?:${WEEKDAY_AND_MONTH_PREFIXES}|Eastern|Central|Pacific|Mountain|Atlantic|Local)\p{L}*|\p{Lu}{2,5}\b|\p{Lu}\p{L}+\s+time\b`;
const CLOCK_TIME_END = /\d\s?[ap]\.m\.$/;
const OPENS_ON_TIME_GOING_ON = new RegExp(`^(?:${TIME_GOES_ON})`, 'u');

/**
 * A sentence ending on a clock time ("…shortly before 11 a.m. A second blast followed"): sbd keeps
 * "a.m." as an abbreviation and ran the two sentences, and their dates, together, yet split "10 a.m.
 * Moscow time" in two. A capital after it opens a sentence unless it goes on telling the time.
 */
const CLOCK_END = new RegExp(String.raw`(?<=\d\s?[ap]\.m\.)\s+(?=["“«„]?(?!${TIME_GOES_ON})\p{Lu})`, 'u');

/**
 * Initials written with points ("J.D. Vance", "the U.S. Army", "T.J. Holmes", "D-N.Y., said"): sbd
 * broke a sentence after them before any capital and even inside them ("D-N" | "Y., said"), parting a
 * name from its verb and its date. Their points are hidden from sbd (one stand-in character each, so
 * every sentence is still the paragraph's text once restored), and a sentence ends after them only
 * where the next word opens sentences and names nothing: "…approved in the U.K. The pound rose",
 * "…moved to Washington, D.C. In 2019 he…".
 */
const INITIALS = /(?<![\p{L}\p{N}])(?:\p{Lu}\.){2,}/gu;
const HIDDEN_POINT = '\uE000';
const HIDDEN = new RegExp(HIDDEN_POINT, 'g');
const OPENER =
  'The|A|An|This|That|These|Those|It|Its|He|She|They|We|I|You|His|Her|Their|Our|There|Here|In|On|At|By|For|From|With|After|Before|During|Since|When|While|As|If|But|And|Or|So|Yet|Some|Many|Most|All|No|Officials|Police|Authorities|Residents|Witnesses|Analysts|Critics|Prosecutors';
const ENDS_ON_INITIALS = new RegExp(
  String.raw`(?<=(?<![\p{L}\p{N}])(?:\p{Lu}${HIDDEN_POINT}){2,})\s+(?=["“«„]?(?:(?:${OPENER})\b|\d))`,
  'u',
);
/**
 * Titles that only ever stand before a name ("Adm. Lee Park", "Ft. Lauderdale", "Det. Sgt. Ruiz") and
 * abbreviations that only stand before a number ("approx. 3 p.m.", "No. 4"): sbd kept most and broke
 * a sentence after the rest, by turns. Their points are hidden the same way. Not "St." or "Jr.",
 * which also end sentences ("on Main St.", "John Roe Jr.").
 */
const TITLE_BEFORE_NAME =
  /(?<![\p{L}\p{N}.])(?:Mr|Mrs|Ms|Mme|Messrs|Dr|Prof|Rev|Fr|Gov|Sen|Sens|Rep|Reps|Lt|Gen|Adm|Cmdr|Capt|Col|Maj|Sgt|Cpl|Pvt|Det|Insp|Supt|Atty|Amb|Hon|Pres|Mt|Ft)\.(?=\s+\p{Lu})/gu;
const BEFORE_NUMBER = /(?<![\p{L}\p{N}.])(?:approx|ca|No|Nos|Vol|pp|Fig)\.(?=\s+\d)/gu;
/**
 * A wire's instrument code in brackets after a company's name ("Harbour Bank (HBK.I)", "(SIEGn.DE)",
 * "(7203.T)"): sbd broke the sentence at its point, parting the company from what its shares did.
 */
const TICKER = /\([\p{Lu}\p{N}]{1,8}\p{Ll}?\.\p{L}{1,4}\)/gu;

/**
 * A sentence split where `pattern` says, looked at only when it holds `needed`: the patterns'
 * lookbehinds cost every sentence more than a search, and most hold no such mark.
 */
const splitWhere =
  (needed: string | RegExp, pattern: RegExp) =>
  (sentence: string): string[] =>
    (typeof needed === 'string' ? sentence.includes(needed) : needed.test(sentence))
      ? sentence.split(pattern)
      : [sentence];

const hidePoints = (text: string) =>
  !text.includes('.')
    ? text
    : text
        .replace(INITIALS, (initials) => initials.replaceAll('.', HIDDEN_POINT))
        .replace(TITLE_BEFORE_NAME, (title) => title.replace('.', HIDDEN_POINT))
        .replace(BEFORE_NUMBER, (abbreviation) => abbreviation.replace('.', HIDDEN_POINT))
        .replace(TICKER, (ticker) => ticker.replace('.', HIDDEN_POINT));

/** sbd's sentences, the points above hidden from it; a text that holds the stand-in itself (an icon font's glyph) as it is. */
function sbdSentences(text: string): string[] {
  const options = { newline_boundaries: false, preserve_whitespace: false };
  if (text.includes(HIDDEN_POINT)) return sentences(text, options);
  return sentences(hidePoints(text), options)
    .flatMap(splitWhere(HIDDEN_POINT, ENDS_ON_INITIALS))
    .map((sentence) => sentence.replace(HIDDEN, '.'));
}

function joinsPrevious(previous: string, sentence: string): boolean {
  return (
    LOWER_START.test(sentence) ||
    (ORDINAL_DAY_END.test(previous) && MONTH_START.test(sentence)) ||
    (CLOCK_TIME_END.test(previous) && OPENS_ON_TIME_GOING_ON.test(sentence))
  );
}

/**
 * A paragraph's sentences. sbd knows the abbreviations news is full of ("Oct. 23", "Gov.", "Lt.
 * Gen.", "U.S.", "9 a.m.", "M. Hlinka") and splits text scraped without a space after the full stop
 * ("on Friday.Officials said"), where the ICU segmenter broke "Oct." from its day and kept run-on
 * text whole (measured in docs/decisions/sentence-boundaries.md). Every sentence is a substring of
 * the paragraph, so quotes stay verbatim.
 */
export function sentencesOf(text: string): readonly string[] {
  const known = splits.get(text);
  if (known) return known;
  if (splits.size >= CACHED_SPLITS) splits.clear();
  const split = splitSentences(text);
  splits.set(text, split);
  return split;
}

/** A paragraph is split for its lead and again for its events: recent splits are kept. */
const splits = new Map<string, readonly string[]>();
const CACHED_SPLITS = 512;

function splitSentences(text: string): readonly string[] {
  const found = sbdSentences(text)
    .flatMap(splitWhere(/[?!»]/, QUOTED_END))
    .flatMap(splitWhere('X.', PLATFORM_X_END))
    .flatMap(splitWhere('.', SHORT_SENTENCE_END))
    .flatMap(splitWhere('.m.', CLOCK_END))
    .flatMap(splitWhere(/\d/, DAY_MONTH_START))
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  const joined: string[] = [];
  for (const sentence of found) {
    const previous = joined.at(-1);
    if (previous !== undefined && joinsPrevious(previous, sentence))
      joined[joined.length - 1] = `${previous} ${sentence}`;
    else joined.push(sentence);
  }
  return joined;
}
