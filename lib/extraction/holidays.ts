import { isoMonth } from './calendar.ts';
import {
  countedFrom,
  type DayInYear,
  fixed,
  fromEaster,
  fromThanksgiving,
  holidayDay,
  nthWeekday,
  thanksgiving,
} from './holiday-calendar.ts';
import type { DateMention } from './mention.ts';

type Found = Omit<DateMention, 'tense'>;

/**
 * Holidays English news names as days after "on" or "at": most on a day of their own, Thanksgiving on
 * the fourth Thursday of November and Easter on the Sunday the computus gives.
 */
const HOLIDAYS: Array<[RegExp, DayInYear]> = [
  [/christmas eve$/i, fixed(12, 24)],
  [/christmas(?: day)?$/i, fixed(12, 25)],
  [/new year['’]s eve$/i, fixed(12, 31)],
  [/new year['’]s(?: day)?$/i, fixed(1, 1)],
  [/halloween$/i, fixed(10, 31)],
  [/valentine['’]s day$/i, fixed(2, 14)],
  [/thanksgiving(?: day)?$/i, thanksgiving],
  // Fixed days that British, Irish, Commonwealth and French news name without a date.
  [/boxing day$/i, fixed(12, 26)],
  [/hogmanay$/i, fixed(12, 31)],
  [/(?:st\.?|saint) patrick['’]s day$/i, fixed(3, 17)],
  [/bastille day$/i, fixed(7, 14)],
  [/(?:guy fawkes|bonfire) night$/i, fixed(11, 5)],
  [/(?:armistice|remembrance) day$/i, fixed(11, 11)],
  [/anzac day$/i, fixed(4, 25)],
  [/canada day$/i, fixed(7, 1)],
  [/australia day$/i, fixed(1, 26)],
  [/waitangi day$/i, fixed(2, 6)],
  [/easter(?: sunday| day)?$/i, fromEaster(0)],
];

/**
 * Days whose name holds a weekday ("Good Friday", "am Karfreitag", "el Viernes Santo", "le lundi de
 * Pâques"): the feasts that move with Easter, in the languages read, and the American days set by a
 * weekday of their month. chrono reads the weekday in them alone, as the nearest Friday or Monday.
 */
const NAMED_DAYS: Array<[RegExp, DayInYear]> = [
  [
    /good friday|karfreitag|vendredi saint|viernes santo|venerd[iì] santo|sexta-feira santa/iu,
    fromEaster(-2),
  ],
  [
    /(?:holy|maundy) thursday|gründonnerstag|jeudi saint|jueves santo|gioved[iì] santo|quinta-feira santa/iu,
    fromEaster(-3),
  ],
  [/holy saturday|karsamstag|samedi saint|s[áa]bado santo|sabato santo/iu, fromEaster(-1)],
  [
    /easter sunday|ostersonntag|dimanche de p[âa]ques|domingo de (?:resurrecci[óo]n|pascua|p[áa]scoa)|domenica di pasqua/iu,
    fromEaster(0),
  ],
  [
    /easter monday|ostermontag|lundi de p[âa]ques|lunes de pascua|luned[iì] dell['’]angelo|pasquetta/iu,
    fromEaster(1),
  ],
  [/palm sunday|palmsonntag|dimanche des rameaux|domingo de ramos|domenica delle palme/iu, fromEaster(-7)],
  [
    /ash wednesday|aschermittwoch|mercredi des cendres|mi[ée]rcoles de ceniza|mercoled[iì] delle ceneri/iu,
    fromEaster(-46),
  ],
  [/shrove tuesday|pancake day/iu, fromEaster(-47)],
  [/ascension day|christi himmelfahrt|jeudi de l['’]ascension/iu, fromEaster(39)],
  [/whit ?sunday|pentecost sunday|pfingstsonntag/iu, fromEaster(49)],
  [/whit ?monday|pfingstmontag|lundi de pentec[ôo]te/iu, fromEaster(50)],
  [/black friday/iu, fromThanksgiving(1)],
  [/cyber monday/iu, fromThanksgiving(4)],
  [/memorial day/iu, nthWeekday(5, 1, -1)],
  [/labor day/iu, nthWeekday(9, 1, 1)],
  [/(?:martin luther king(?: jr\.?)?|mlk) day/iu, nthWeekday(1, 1, 3)],
  [/presidents['’]? day/iu, nthWeekday(2, 1, 3)],
];

/**
 * Only after a word that makes it a time ("on Good Friday", "from Good Friday to Easter Monday", "am
 * Karfreitag", "el Viernes Santo"), and not naming a thing of its own ("the Good Friday Agreement",
 * "Black Friday sales", "on Memorial Day weekend").
 */
const BEFORE_NAMED_DAY =
  "on|at|from|to|until|till|since|before|after|by|and|or|am|an|von|vom|ab|vor|nach|seit|bis|zum|und|oder|le|du|au|depuis|jusqu['’]au|et|ou|el|del|al|desde|hasta|y|o|il|dal|a|fino\\s+a|e|na|no|da";
const NAMING_A_THING =
  '\\s+(?:weekend|sales?|deals?|shopping|agreement|accord|rising|holidays?|break|traffic|getaway|procession|mass|service|parade|bushfires?)(?!\\p{L})';
const NAMED_DAY = new RegExp(
  `(?<!\\p{L})(?:${BEFORE_NAMED_DAY})\\s+(${NAMED_DAYS.map(([name]) => name.source).join('|')})(?!\\p{L})(?!${NAMING_A_THING}|\\s+(?:last|this|next)\\s+year)(?:,?\\s+((?:19|20)\\d\\d)(?!\\d))?`,
  'giu',
);
/** A cheap test first: a name, with none of the lookarounds around it. */
const NAMED_DAY_WORD = new RegExp(NAMED_DAYS.map(([name]) => name.source).join('|'), 'iu');

const ANY_NAMED_DAY = new RegExp(
  `(?<!\\p{L})(?:${NAMED_DAYS.map(([name]) => name.source).join('|')})(?!\\p{L})`,
  'giu',
);

/** Every holiday, by its index in one list: how a mention found now names its day for later. */
const ALL_DAYS = [...HOLIDAYS, ...NAMED_DAYS];
/** Each holiday's name as a pattern to set inside another, without the end anchor HOLIDAYS carry. */
const bareName = (name: RegExp) => name.source.replace(/\$$/, '');
/** Each holiday's name alone, to tell which holiday a match named. */
const WHOLE_NAME = ALL_DAYS.map(([name]) => new RegExp(`^(?:${bareName(name)})$`, 'iu'));

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/**
 * "the Monday before Christmas", "the day after Thanksgiving", "the Friday after Easter Monday": a day
 * counted from a holiday, which chrono reads as the nearest Monday or not at all. Names that hold
 * another come first ("Easter Monday" before "Easter").
 */
const COUNTED_FROM_HOLIDAY = new RegExp(
  `(?<!\\p{L})the\\s+(day|${WEEKDAYS.join('|')})\\s+(before|after)\\s+(?:the\\s+)?(${[...NAMED_DAYS, ...HOLIDAYS].map(([name]) => bareName(name)).join('|')})(?!\\p{L})`,
  'giu',
);
const COUNTED_WORD = /\bthe\s+\p{L}*day\s+(?:before|after)\b/iu;

/** Days counted from a holiday, dated "?h<n>:<unit><sign>" for findDates to give the holiday's year. */
function countedFromHolidays(sentence: string): Found[] {
  if (!COUNTED_WORD.test(sentence)) return [];
  return [...sentence.matchAll(COUNTED_FROM_HOLIDAY)].flatMap((match) => {
    const [whole, unit = '', way = '', name = ''] = match;
    const index = WHOLE_NAME.findIndex((whole) => whole.test(name));
    if (index < 0) return [];
    const counted = unit.toLowerCase() === 'day' ? 'd' : String(WEEKDAYS.indexOf(unit.toLowerCase()));
    const date = `?h${index}:${counted}${way.toLowerCase() === 'after' ? '+' : '-'}`;
    return [{ index: match.index ?? 0, text: whole, date, precision: 'day' as const, endDate: null }];
  });
}

/** Each holiday's name at the end of a text: the holiday "last year" follows. */
const ENDING_IN = ALL_DAYS.map(([name, rule]) => [new RegExp(`(?:${bareName(name)})$`, 'iu'), rule] as const);

/**
 * "on Christmas Eve", "at Halloween": a holiday named as the day something happened, its year by the
 * tense, or as written after it ("on Christmas Day 2019"). "Over" or "during" a holiday with its year
 * ("over Christmas 2019") is the holidays, at the month's precision.
 */
const ON_HOLIDAY =
  /(?<!\p{L})(on|at|over|during)\s+((?:christmas|new year['’]s)(?:\s+(?:eve|day))?|halloween|valentine['’]s day|thanksgiving(?:\s+day)?|boxing day|hogmanay|(?:st\.?|saint) patrick['’]s day|bastille day|(?:guy fawkes|bonfire) night|(?:armistice|remembrance|anzac|canada|australia|waitangi) day|easter(?!\s+(?:sunday|monday)))(?!\p{L})(?!\s+(?:last|this|next)\s+year)(?:\s+((?:19|20)\d\d)(?!\d))?/giu;

/** A cheap test first: a word every holiday ON_HOLIDAY reads has. */
const HOLIDAY_WORD =
  /christmas|new year|halloween|valentine|thanksgiving|boxing|hogmanay|patrick|bastille|fawkes|bonfire|armistice|remembrance|anzac|canada day|australia day|waitangi|easter/i;

/**
 * "on Christmas Eve last year", "just before Thanksgiving last year": "last year" there says which
 * year's holiday, and the holiday is the date (a bound like "before" then applies to it as to any
 * date); read as the whole year, it would date the event to a year it only happened in.
 */
export function holidayOf(
  sentence: string,
  index: number,
  year: number,
  yearText: string,
): Found | undefined {
  const from = Math.max(0, index - 24);
  const before = sentence.slice(from, index).trimEnd();
  for (const [name, rule] of ENDING_IN) {
    const found = name.exec(before);
    if (!found || (found.index > 0 && /\p{L}/u.test(before[found.index - 1] ?? ''))) continue;
    const start = from + found.index;
    return {
      index: start,
      text: sentence.slice(start, index + yearText.length),
      date: holidayDay(rule, year),
      precision: 'day',
      endDate: null,
    };
  }
  return undefined;
}

/**
 * A holiday's day ("h3", as holidaysNamed dates it) in the year `yearOf` picks for its day in the
 * year of publication: the days that move fall within a few weeks of it.
 */
export function holidayInYear(
  spec: string,
  publishedYear: number,
  yearOf: (month: number, day: number) => number,
) {
  const [, index, unit, sign] = /^h(\d+)(?::(d|[0-6])([+-]))?$/.exec(spec) ?? [];
  const rule = ALL_DAYS[Number(index)]?.[1];
  if (!rule) return '';
  const day = holidayDay(rule, yearOf(...rule(publishedYear)));
  return unit ? countedFrom(day, unit, sign === '+' ? 1 : -1) : day;
}

/** A holiday found at `index`, its year as written or left to the tense ("?h3"). */
function holidayFound(
  index: number,
  text: string,
  rule: DayInYear,
  year: string | undefined,
  span = false,
): Found {
  const date = !year
    ? `?h${ALL_DAYS.findIndex(([, each]) => each === rule)}`
    : span
      ? isoMonth(Number(year), rule(Number(year))[0])
      : holidayDay(rule, Number(year));
  return { index, text, date, precision: span && year ? 'month' : 'day', endDate: null };
}

/**
 * "over the Easter weekend", "über Ostern", "le week-end de Pâques", "el fin de semana de Pascua": the
 * long weekend from Good Friday to Easter Monday, holidays in much of Europe and the Commonwealth. Not
 * one of any year ("on a typical Easter weekend day").
 * Dated "?h<n>" from its Friday with "+3" for its Monday, which findDates counts once the year is known.
 */
const EASTER_WEEKEND =
  /(?<!\p{L})(?<!\b(?:a|an|any|every|each|typical|normal|usual)\s+)(?:easter(?:\s+bank\s+holiday)?\s+weekend|osterwochenende|(?<=(?:über|an)\s+(?:die\s+)?)(?:ostern|osterfeiertage)|week-?end\s+de\s+p[âa]ques|fin\s+de\s+semana\s+de\s+pascua|(?:fine\s+settimana|weekend)\s+di\s+pasqua|fim\s+de\s+semana\s+de\s+p[áa]scoa)(?!\p{L})(?!\s+(?:day|traffic|getaway|trips?|travel|sales?|break)(?!\p{L}))/giu;
const EASTER_WORD = /easter|oster|p[âa]ques|p[aá]sc|pasqu/i;
const GOOD_FRIDAY = (NAMED_DAYS[0] as [RegExp, DayInYear])[1];

/**
 * The holidays a sentence names as days, dated "?h<n>" for findDates to give the year its tense
 * points to, or in the year written after them: English holidays after "on" or "at", and the days
 * whose name is a day in any of the languages read. With them, where the sentence names such a day
 * at all, as a day or in a name ("the Good Friday Agreement"): chrono's weekday inside one is never
 * that weekday's nearest day.
 */
export function holidaysNamed(
  sentence: string,
  language: string,
): { found: Found[]; namedDaySpans: Array<[number, number]> } {
  const counted = countedFromHolidays(sentence);
  const named = NAMED_DAY_WORD.test(sentence);
  const spans = [
    ...(named ? [...sentence.matchAll(ANY_NAMED_DAY)].map((m) => [m.index ?? 0, m[0]] as const) : []),
    ...counted.map((m) => [m.index, m.text] as const),
  ];
  return {
    found: [
      ...counted,
      ...namedHolidays(sentence, language, named).filter((each) => !counted.some((c) => inside(each, c))),
    ],
    namedDaySpans: spans.map(([index, text]) => [index, index + text.length]),
  };
}

const inside = (inner: Found, outer: Found) =>
  inner.index >= outer.index && inner.index + inner.text.length <= outer.index + outer.text.length;

function namedHolidays(sentence: string, language: string, namesADay: boolean): Found[] {
  const found: Found[] = [];
  // Asked of every sentence: the full patterns, with their lookarounds, only where one may be named.
  if (language === 'en' && HOLIDAY_WORD.test(sentence))
    for (const match of sentence.matchAll(ON_HOLIDAY)) {
      const [whole, word = '', name = '', year] = match;
      const rule = HOLIDAYS.find(([pattern]) => pattern.test(name))?.[1];
      // "at Easter" is its long weekend, as "over Christmas" is the holidays.
      const span = /^(?:over|during)$/i.test(word) || (/^at$/i.test(word) && /^easter$/i.test(name));
      // Over or during the holiday, with no year to say which, is too loose a date.
      if (!rule || (span && !year)) continue;
      const start = match.index ?? 0;
      const index = start + whole.indexOf(name, word.length);
      found.push(holidayFound(index, sentence.slice(index, start + whole.length), rule, year, span));
    }
  for (const match of EASTER_WORD.test(sentence) ? sentence.matchAll(EASTER_WEEKEND) : [])
    found.push({ ...holidayFound(match.index ?? 0, match[0], GOOD_FRIDAY, undefined), endDate: '+3' });
  if (namesADay)
    for (const match of sentence.matchAll(NAMED_DAY)) {
      const [whole, name = '', year] = match;
      const rule = NAMED_DAYS.find(([pattern]) => pattern.test(name))?.[1];
      const index = (match.index ?? 0) + whole.lastIndexOf(name);
      if (rule)
        found.push(holidayFound(index, sentence.slice(index, (match.index ?? 0) + whole.length), rule, year));
    }
  return found;
}
