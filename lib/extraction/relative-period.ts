import { boundsTheCount } from './bounded-count.ts';
import { dayOf, isoMonth } from './calendar.ts';
import { clauseSpan, SUBORDINATORS } from './clauses.ts';
import { countOf } from './counts.ts';
import type { DateMention } from './mention.ts';
import { type Tense, tenseOf } from './tense.ts';
import { ATTRIBUTION, PAST_EN, TURKISH_PLUPERFECT } from './tense-markers.ts';
import { GERMAN_WEEKDAYS } from './weekday.ts';

type Found = Omit<DateMention, 'tense'>;
type Direction = -1 | 0;

const COUNT = String.raw`(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;

const weekOf = (publishedAt: Date, weeks: number): Pick<Found, 'date' | 'endDate'> => {
  // ISO weeks start on Monday: getUTCDay() is 0 on Sunday.
  const monday = -((publishedAt.getUTCDay() + 6) % 7) + 7 * weeks;
  return { date: dayOf(publishedAt, monday), endDate: dayOf(publishedAt, monday + 6) };
};

const monthOf = (publishedAt: Date, months: number): string => {
  const index = publishedAt.getUTCFullYear() * 12 + publishedAt.getUTCMonth() + months;
  return isoMonth(Math.floor(index / 12), (index % 12) + 1);
};

/** What a matched phrase dates: its precision, day or period start, and end. */
type Dated = Pick<Found, 'precision' | 'date' | 'endDate'>;

/**
 * A word each group of phrases needs, tested first: the phrases' lookbehinds and Unicode classes cost
 * a sentence far more than one plain search, and most sentences hold none of them.
 */
const WEEK_WORD = /week|semaine|woche|semana|settiman|hafta/i;
const MONTH_WORD = /month|mois|monat|mes|mês|\bay/i;
const AGO_WORD = /ago\b|il\s+y\s+a|\bvor\s|hace\s|há\s|\sfa\b|önce/i;
const WEEKEND_WORD =
  /weekend|week-end|wochenende|fin\s+de\s+semana|fine\s+settimana|fim\s+de\s+semana|hafta\s+sonu/i;
const DAY_SPAN_WORD = /24/;

/** Every match of any of `phrases` in the sentence, dated by `dated`; none unless `needed` is there. */
const mentionsOf = (
  phrases: RegExp[],
  sentence: string,
  dated: (match: RegExpMatchArray) => Dated | undefined,
  needed?: RegExp,
): Found[] =>
  needed && !needed.test(sentence)
    ? []
    : phrases.flatMap((phrase) =>
        [...sentence.matchAll(phrase)].flatMap((match) => {
          const date = dated(match);
          return date ? [{ index: match.index ?? 0, text: match[0], ...date }] : [];
        }),
      );

/** Only this and past periods: a coming week or month is a forecast, never an event's date. */
const whichWay = (word: string): Direction =>
  /^(?:last|previous|dernière|passée|letzte[nr]?|vergangene[nr]?|vorige[nr]?|pasada|pasado|passad[ao]|scors[ao]|passat[ao]|geçen|geçtiğimiz)$/i.test(
    word,
  )
    ? -1
    : 0;

/**
 * "this week", "diese Woche", "Ende des Monats": the current period dates an event only in a
 * past-tense clause.
 */
const isCurrentPeriod = (mention: Pick<Found, 'text'>) =>
  /\bthis\b|\bthe month\b|(?<!\p{L})(?:diese|des Monats|du mois$|de ce mois|de este mes|del mes$|de mes$|del mese$|do mês$|bu\s|ayın|semaine$|der Woche$|semana$|settimana$)/iu.test(
    mention.text,
  ) || isBareWeekend(mention.text);
/**
 * "for the third time this month", "the second attack this week": a count within the period, not a
 * date. Not when a past verb stands between: "the first shipment of aid arrived earlier this month"
 * dates the arrival.
 */
const COUNTED_IN =
  /\b(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|another|latest)\b([^,.;:]{0,60})$|\btimes?\s+$/i;

function countedIn(before: string): boolean {
  const count = COUNTED_IN.exec(before);
  return !!count && !PAST_EN.test(count[1] ?? '');
}

/**
 * The day of a trailing attribution ("…finished them last week, the authority said on Wednesday"):
 * the day of the saying, which frames nothing the period dates.
 */
const ATTRIBUTION_BEFORE = new RegExp(String.raw`${ATTRIBUTION}\s+(?:on\s+)?$`, 'u');

const isAttributionDay = (sentence: string, day: Pick<DateMention, 'index'>, after: number) =>
  day.index > after && ATTRIBUTION_BEFORE.test(sentence.slice(Math.max(0, day.index - 60), day.index));

/** A conjunction or a relative pronoun opening a clause of its own between a day and a period after it. */
const SUBORDINATE = new RegExp(String.raw`\b(?:${SUBORDINATORS}|as|once|that|which|who)\s+(.*)$`, 'i');

/**
 * A period in a clause of its own after the day ("was sentenced on Friday after a jury found him
 * guilty last month", "arrested on Monday … the storm that struck a week ago"): a past verb after the
 * conjunction or pronoun tells its own event, which the day does not frame.
 */
const isOwnClauseAfter = (sentence: string, day: Pick<DateMention, 'index'>, period: number) => {
  if (day.index > period) return false;
  const own = SUBORDINATE.exec(sentence.slice(day.index, period))?.[1];
  return own !== undefined && tenseOf(own) === 'past';
};

/**
 * Whether a week or month phrase dates something. A coming one is a forecast ("will be sentenced
 * next week", "expected later this month"); the current one dates only a past-tense clause; and
 * beside a day in its clause ("struck on Tuesday for the third time this month") it frames the day,
 * unless that day is the attribution's after it.
 */
export function datesAnEvent(
  mention: Found,
  sentence: string,
  tense: Tense,
  days: ReadonlyArray<Pick<DateMention, 'index' | 'precision'>>,
): boolean {
  if (tense === 'future' || (tense === 'present' && isCurrentPeriod(mention))) return false;
  if (countedIn(sentence.slice(Math.max(0, mention.index - 80), mention.index))) return false;
  const [start, end] = clauseSpan(sentence, mention.index);
  return !days.some(
    (day) =>
      day.precision === 'day' &&
      day.index >= start &&
      day.index < end &&
      !isAttributionDay(sentence, day, mention.index) &&
      !isOwnClauseAfter(sentence, day, mention.index),
  );
}

/**
 * "last week", "earlier this week", "late last week", "la semaine dernière", "letzte Woche", "la
 * semana pasada": an ISO week, Monday to Sunday, counted from the publication's week. "the past
 * week" is a span up to now, not a week, and stays out, as do "over the last week" and "in the
 * previous month"; so does "next week", a forecast.
 */
const WEEK_PHRASES: RegExp[] = [
  /(?<!\b(?:over|in|during|for|within|throughout)\s+the\s+)\b(?:(?:earlier|later|early|late)\s+)?(this|last|previous)\s+week\b(?!end)/giu,
  /(?<!\p{L})la\s+semaine\s+(dernière|passée)(?!\p{L})/giu,
  /(?<!\p{L})(?:in\s+der\s+)?(letzten?|vergangenen?|vorige[nr]?|diese[rn]?)\s+Woche(?!\p{L})/giu,
  // This week, which dates only a past clause: "cette semaine", "esta semana", "questa settimana".
  /(?<!\p{L})(cette|esta|questa)\s+(?:semaine|semana|settimana)(?!\p{L})/giu,
  /(?<!\p{L})la\s+semana\s+(pasada)(?!\p{L})/giu,
  // Not "geçen hafta sonu", last weekend (WEEKEND).
  /(?<!\p{L})(geçen|geçtiğimiz|bu)\s+hafta(?:ki)?(?!\p{L})(?!\s+sonu)/giu,
  // The part of the week: "hafta başında", "geçen haftanın ortasında" (not "hafta sonu", the weekend).
  /(?<!\p{L})(?:(geçen|geçtiğimiz|bu)\s+)?hafta(?:nın)?\s+(?:başında|ortasında)(?!\p{L})/giu,
  // Italian "la settimana scorsa", "la scorsa settimana"; Portuguese "na semana passada".
  /(?<!\p{L})settimana\s+(scorsa|passata)(?!\p{L})/giu,
  /(?<!\p{L})(scorsa)\s+settimana(?!\p{L})/giu,
  /(?<!\p{L})semana\s+(passada)(?!\p{L})/giu,
  // The part of the week: "en début de semaine", "Ende der vergangenen Woche", "a finales de semana".
  /(?<!\p{L})(?:en\s+)?(?:début|milieu|fin)\s+de\s+(?:la\s+)?semaine(?:\s+(dernière|passée))?(?!\p{L})/giu,
  /(?<!\p{L})(?:Anfang|Mitte|Ende)\s+(?:dieser|der|(?:der\s+)?(vergangenen|letzten|vergangener|letzter))\s+Woche(?!\p{L})/giu,
  /(?<!\p{L})a\s+(?:principios|comienzos|mediados|finales|fines)\s+de\s+(?:(?:esta|la)\s+)?semana(?:\s+(pasada))?(?!\p{L})/giu,
];

/**
 * "this month", "earlier this month", "last month('s)", "le mois dernier", "letzten Monat", and the
 * part of the month in each language: "at the end of last month", "Anfang des Monats", "Ende
 * letzten Monats", "au début du mois", "fin du mois dernier", "a principios de mes", "a finales del
 * mes pasado". A part with no "last" is this month's.
 */
const MONTH_PHRASES: RegExp[] = [
  /(?<!\b(?:over|in|during|for|within|throughout)\s+the\s+)\b(?:(?:earlier|later|early|late)\s+)?(this|last|previous)\s+month\b/giu,
  /\bat\s+the\s+(?:start|beginning|end)\s+of\s+(?:the|(this|last))\s+month\b/giu,
  /(?<!\p{L})le\s+mois\s+(dernier)(?!\p{L})/giu,
  /(?<!\p{L})(?:début|milieu|fin)\s+(?:du|de\s+ce)\s+mois(?:\s+(dernier))?(?!\p{L})/giu,
  /(?<!\p{L})(letzten|vergangenen)\s+Monat(?!\p{L})/giu,
  /(?<!\p{L})(?:Anfang|Mitte|Ende)\s+(?:(?:des|dieses)\s+Monats|(?:des\s+)?(letzten|vergangenen)\s+Monats)(?!\p{L})/giu,
  /(?<!\p{L})el\s+mes\s+(pasado)(?!\p{L})/giu,
  /(?<!\p{L})a\s+(?:principios|comienzos|mediados|finales|fines)\s+(?:de\s+(?:este\s+)?|del\s+)mes(?:\s+(pasado))?(?!\p{L})/giu,
  // Italian "il mese scorso", "lo scorso mese", "all'inizio del mese (scorso)", "a fine mese";
  // Portuguese "no mês passado", "no início do mês (passado)", "em meados do mês".
  /(?<!\p{L})mese\s+(scorso|passato)(?!\p{L})/giu,
  /(?<!\p{L})(scorso)\s+mese(?!\p{L})/giu,
  /(?<!\p{L})(?:all['’]|a\s+|alla\s+)(?:inizio|metà|fine)\s+(?:del\s+)?mese(?:\s+(scorso))?(?!\p{L})/giu,
  /(?<!\p{L})mês\s+(passado)(?!\p{L})/giu,
  /(?<!\p{L})(?:no|em)\s+(?:início|inicio|fim|final|meados)\s+do\s+mês(?:\s+(passado))?(?!\p{L})/giu,
  // "geçen ay", "bu ay", "ayın başında" (early this month), "geçen ayın sonunda" (late last month).
  /(?<!\p{L})(geçen|geçtiğimiz|bu)\s+ay(?:ki)?(?!\p{L})/giu,
  /(?<!\p{L})(?:(geçen|geçtiğimiz|bu)\s+)?ayın\s+(?:başında|ortasında|sonunda)(?!\p{L})/giu,
];
const MONTH_WORDS: Record<string, Direction> = { dernier: -1 };

/**
 * "two weeks ago", "three months ago", "il y a une semaine", "vor zwei Wochen", "hace tres meses",
 * and days in the languages whose "N days ago" chrono leaves undated for us ("il y a deux jours",
 * "vor zwei Tagen", "hace dos días", "há dois dias", "iki gün önce": English days are chrono's).
 */
const AGO: RegExp[] = [
  // "a week ago today", "six weeks ago tonight", "one year ago today": that day, counted back to the
  // day, not today. Years only so: "two years ago" alone is a year.
  new RegExp(
    String.raw`\b${COUNT}\s+(week|month|year)s?\s+ago(\s+(?:today|tonight|this\s+(?:morning|afternoon|evening)))?\b`,
    'giu',
  ),
  // "a couple of weeks ago" is two; "a fortnight ago" is two weeks (counted as 14 days).
  /\ba\s+(couple)\s+of\s+(week|month)s\s+ago\b/giu,
  /\b(a|one|two|three)\s+(fortnight)s?\s+ago\b/giu,
  /(?<!\p{L})il\s+y\s+a\s+(?:(?:près\s+de|presque|environ|plus\s+de)\s+)?(\d{1,2}|une|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze)\s+(semaine|mois|jour)s?(?!\p{L})/giu,
  /(?<!\p{L})vor\s+(?:(?:knapp|gut|fast|etwa|rund|über|mehr\s+als)\s+)?(\d{1,2}|einer|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)\s+(Woche|Monat|Tag)(?:n|en|e)?(?!\p{L})/giu,
  /(?<!\p{L})hace\s+(?:(?:casi|cerca\s+de|unas|unos|más\s+de)\s+)?(\d{1,2}|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|quince)\s+(semana|mes|día|dia)(?:es|s)?(?!\p{L})/giu,
  /(?<!\p{L})há\s+(\d{1,2}|uma|um|dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|quinze)\s+(semana|mês|mes|dia)(?:es|s)?(?!\p{L})/giu,
  /(?<!\p{L})(\d{1,2}|una|un|uno|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|quindici)\s+(settiman[ae]|mes[ei]|giorn[oi])\s+fa(?!\p{L})/giu,
  // Not in a sentence told in the pluperfect ("bir gün önce … bildirmişti"): there it is the day
  // before the one the story tells (relative-day.ts), not a day before publication.
  new RegExp(
    String.raw`(?<!\p{L})(\d{1,2}|bir|iki|üç|dört|beş|altı|yedi|sekiz|dokuz|on)\s+(hafta|ay|gün)\s+önce(?!\p{L})(?![^.]*${TURKISH_PLUPERFECT})`,
    'giu',
  ),
];
const isWeekUnit = (unit: string) => /^(?:week|semaine|woche|semana|settiman|hafta)/i.test(unit);
const isDayUnit = (unit: string) => /^(?:jour|tag|día|dia|giorn|gün)/i.test(unit);

function weekMentions(sentence: string, publishedAt: Date): Found[] {
  return mentionsOf(
    WEEK_PHRASES,
    sentence,
    (match) => ({
      precision: 'week',
      ...weekOf(publishedAt, whichWay(match[1] ?? '')),
    }),
    WEEK_WORD,
  );
}

function monthMentions(sentence: string, publishedAt: Date): Found[] {
  return mentionsOf(
    MONTH_PHRASES,
    sentence,
    (match) => {
      const word = (match[1] ?? '').toLowerCase();
      return {
        precision: 'month',
        date: monthOf(publishedAt, MONTH_WORDS[word] ?? whichWay(word)),
        endDate: null,
      };
    },
    MONTH_WORD,
  );
}

/**
 * "nearly five weeks ago", "about three weeks ago", "vor knapp drei Wochen", "il y a près de trois
 * semaines", "hace casi tres semanas": a count of weeks said roughly lands days either side of the day
 * it counts to, and as that day it was an entry of its own beside the event's real day.
 */
const ROUGHLY =
  /(?<!\p{L})(?:nearly|almost|about|around|roughly|approximately|some|over|more\s+than|less\s+than|just\s+over|under|barely|knapp|gut|fast|etwa|rund|über|mehr\s+als|près\s+de|presque|environ|plus\s+de|casi|cerca\s+de|unas|unos|más\s+de)\s+$/iu;
/** Whether the words before the count say it roughly ("nearly five", "vor knapp drei"). */
function isRough(match: RegExpMatchArray): boolean {
  const start = match.index ?? 0;
  const leading = match[0].slice(0, match[0].indexOf(match[1] ?? ''));
  return ROUGHLY.test((match.input ?? '').slice(Math.max(0, start - 24), start) + leading);
}

/**
 * A week ago is a day ("a week ago" is seven days back), and more weeks said roughly the month of the
 * day they count to (see ROUGHLY); "about a week ago" dates nothing: a week either side is no day, and
 * last week's Monday cuts it anywhere. Months ago is a month.
 */
function agoMentions(sentence: string, publishedAt: Date): Found[] {
  return mentionsOf(AGO, sentence, (match) => agoDate(match, publishedAt), AGO_WORD);
}

function agoDate(match: RegExpMatchArray, publishedAt: Date): Dated | undefined {
  const count = /^couple$/i.test(match[1] ?? '') ? 2 : countOf(match[1]);
  const unit = match[2] ?? '';
  if (match[3]) return toTheDay(publishedAt, count, unit);
  if (/^year$/i.test(unit)) return undefined;
  if (isDayUnit(unit)) return { precision: 'day', date: dayOf(publishedAt, -count), endDate: null };
  if (/^fortnight$/i.test(unit))
    return { precision: 'day', date: dayOf(publishedAt, -14 * count), endDate: null };
  if (!isWeekUnit(unit)) return { precision: 'month', date: monthOf(publishedAt, -count), endDate: null };
  const day = dayOf(publishedAt, -7 * count);
  if (!isRough(match)) return { precision: 'day', date: day, endDate: null };
  return count > 1 ? { precision: 'month', date: day.slice(0, 7), endDate: null } : undefined;
}

/**
 * "six weeks ago tonight", "a month ago today", "one year ago today", an anniversary's years: the day
 * that many units before `from`.
 */
function toTheDay(from: Date, count: number, unit: string): Dated {
  if (isWeekUnit(unit)) return { precision: 'day', date: dayOf(from, -7 * count), endDate: null };
  const day = new Date(from);
  if (/^year$/i.test(unit)) day.setUTCFullYear(day.getUTCFullYear() - count);
  else day.setUTCMonth(day.getUTCMonth() - count);
  return { precision: 'day', date: dayOf(day), endDate: null };
}

/**
 * "am Wochenende", "ce week-end", "el fin de semana", "nel fine settimana", "no fim de semana", "hafta
 * sonunda": the weekend without a word for which, as often the coming one as the one gone by. A date
 * only in a past clause (isCurrentPeriod keeps them out of a present one; a future one is a forecast).
 * Not a holiday's weekend ("le week-end de Pâques", "del 15") or one the phrases above say ("le
 * week-end dernier"); "durant le week-end de démissionner" is the weekend.
 */
const BARE_WEEKEND: RegExp[] = [
  /(?<!\p{L})(?:am|übers|über\s+das)\s+Wochenende(?!\p{L})/giu,
  /(?<!\p{L})(?:ce|le|du|pendant\s+le|durant\s+le)\s+week-?end(?!\p{L})(?!\s+(?:dernier|prochain|du\s+\d|de\s+(?:Pâques|Pentecôte|la\s+Pentecôte|la\s+Toussaint|l['’]Ascension|Noël)))/giu,
  /(?<!\p{L})(?:este|el|durante\s+el)\s+fin\s+de\s+semana(?!\p{L})(?!\s+(?:pasado|próximo|que\s+viene|de\s+(?:Pascua|Semana\s+Santa|Todos\s+los\s+Santos|Carnaval|\d)))/giu,
  /(?<!\p{L})(?:nel|questo|durante\s+il|il)\s+(?:fine\s+settimana|weekend)(?!\p{L})(?!\s+(?:scorso|prossimo|di\s+(?:Pasqua|Pentecoste|Ognissanti|Ferragosto)))/giu,
  /(?<!\p{L})(?:no|neste|este|durante\s+o|o)\s+fim\s+de\s+semana(?!\p{L})(?!\s+(?:passado|que\s+vem|de\s+(?:Páscoa|Carnaval|\d)))/giu,
  /(?<!\p{L})(?<!(?:geçen|geçtiğimiz|gelecek|önümüzdeki)\s+)hafta\s+sonu(?:nda)?(?!\p{L})/giu,
];
const BARE_WEEKEND_TEXT = new RegExp(`^(?:${BARE_WEEKEND.map((phrase) => phrase.source).join('|')})$`, 'iu');
const isBareWeekend = (text: string) => BARE_WEEKEND_TEXT.test(text);

/**
 * "last weekend", "over the weekend": Saturday and Sunday, the latest ones on or before
 * publication. "a tumultuous weekend" is no date, and a coming weekend is a forecast.
 */
const WEEKEND: RegExp[] = [
  // "the weekend before last" is the one before (BEFORE_LAST).
  /\b(?:(over|during|on)\s+)?(the|this|last|past)\s+weekend\b(?:\s+before\s+last\b)?/giu,
  // Elsewhere only the weekend gone by name: "ce week-end", "am Wochenende" and "este fin de
  // semana" are as often the coming one, and these languages' tense is read less surely.
  /(?<!\p{L})le\s+week-?end\s+dernier(?!\p{L})/giu,
  /(?<!\p{L})am\s+(?:vergangenen|letzten)\s+Wochenende(?!\p{L})/giu,
  /(?<!\p{L})el\s+(?:pasado\s+fin\s+de\s+semana|fin\s+de\s+semana\s+pasado)(?!\p{L})/giu,
  /(?<!\p{L})(?:lo\s+scorso\s+(?:fine\s+settimana|weekend)|(?:il\s+)?(?:fine\s+settimana|weekend)\s+scorso)(?!\p{L})/giu,
  /(?<!\p{L})(?:no\s+)?(?:fim\s+de\s+semana\s+passado|último\s+fim\s+de\s+semana)(?!\p{L})/giu,
  /(?<!\p{L})(?:geçen|geçtiğimiz)\s+hafta\s+sonu(?:nda)?(?!\p{L})/giu,
  ...BARE_WEEKEND,
];

/**
 * "on Tuesday last week", "mardi de la semaine dernière", "am Dienstag vergangener Woche", "el martes
 * de la semana pasada", "geçen hafta salı günü": that weekday of the ISO week before publication's.
 * Read alone, the weekday would be the latest one, in this week.
 */
const LAST_WEEK_DAY: RegExp[] = [
  /\b(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?\s+(?:of\s+)?last\s+week\b/giu,
  /(?<!\p{L})(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:matin|après-midi|soir))?\s+(?:de\s+)?la\s+semaine\s+(?:dernière|passée)(?!\p{L})/giu,
  new RegExp(
    String.raw`(?<!\p{L})(?:am\s+)?(${GERMAN_WEEKDAYS.join('|')})(?:morgen|vormittag|nachmittag|abend|nacht)?\s+(?:der\s+)?(?:vergangenen|letzten|vergangener|letzter)\s+Woche(?!\p{L})`,
    'giu',
  ),
  /(?<!\p{L})(?:el\s+)?(lunes|martes|miércoles|jueves|viernes|sábado|domingo)\s+de\s+la\s+semana\s+pasada(?!\p{L})/giu,
  /(?<!\p{L})(?:geçen|geçtiğimiz)\s+hafta(?:nın)?\s+(pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar)(?:\s+günü)?(?!\p{L})/giu,
];
/** Each language's weekdays, Monday first. */
const WEEKDAY_NAMES = [
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  GERMAN_WEEKDAYS,
  ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  ['pazartesi', 'salı', 'çarşamba', 'perşembe', 'cuma', 'cumartesi', 'pazar'],
];
/** Monday = 0. Both foldings: Turkish "SALI" is "salı", English "FRIDAY" must stay "friday". */
const dayInWeek = (name: string) => {
  const folded = [name.toLowerCase(), name.toLocaleLowerCase('tr')];
  return Math.max(0, ...WEEKDAY_NAMES.flatMap((names) => folded.map((word) => names.indexOf(word))));
};

function lastWeekDayMentions(sentence: string, publishedAt: Date): Found[] {
  // Days back to last week's Monday, then on to the weekday named.
  const monday = -((publishedAt.getUTCDay() + 6) % 7) - 7;
  return mentionsOf(
    LAST_WEEK_DAY,
    sentence,
    (match) => ({
      precision: 'day',
      date: dayOf(publishedAt, monday + dayInWeek(match[1] ?? '')),
      endDate: null,
    }),
    WEEK_WORD,
  );
}

/**
 * "a week ago Tuesday", "two weeks ago Friday" (US wire usage): that many weeks before the latest such
 * weekday on or before publication. Read alone, "Tuesday" would be the latest one.
 */
const WEEKS_AGO_DAY =
  /\b(a|one|two|three)\s+weeks?\s+ago\s+(?:on\s+|last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/giu;

function weeksAgoDayMentions(sentence: string, publishedAt: Date): Found[] {
  return mentionsOf(
    [WEEKS_AGO_DAY],
    sentence,
    (match) => {
      // Monday = 0, as dayInWeek counts; publication's weekday likewise.
      const back = (((publishedAt.getUTCDay() + 6) % 7) - dayInWeek(match[2] ?? '') + 7) % 7;
      return { precision: 'day', date: dayOf(publishedAt, -back - 7 * countOf(match[1])), endDate: null };
    },
    WEEK_WORD,
  );
}

const BEFORE_LAST = /\sbefore\s+last$/i;

/** "last weekend" written on a Saturday or Sunday: the one before, this one is "this weekend". */
const LAST_WEEKEND = /^(?:(?:over|during|on)\s+)?last\s+weekend$/i;
const ON_A_WEEKEND = new Set([0, 6]);

function weekendMentions(sentence: string, publishedAt: Date): Found[] {
  // Days back to the latest Saturday on or before publication (a Sunday counts its own weekend).
  const latest = -((publishedAt.getUTCDay() + 1) % 7);
  const onAWeekend = ON_A_WEEKEND.has(publishedAt.getUTCDay());
  return mentionsOf(
    WEEKEND,
    sentence,
    (match) => {
      const before = BEFORE_LAST.test(match[0]) || (onAWeekend && LAST_WEEKEND.test(match[0].trim()));
      const saturday = before ? latest - 7 : latest;
      return {
        precision: 'day',
        date: dayOf(publishedAt, saturday),
        endDate: dayOf(publishedAt, saturday + 1),
      };
    },
    WEEKEND_WORD,
  );
}

/**
 * "The chief executive started the week by unveiling the model", "stocks began the week lower", "a
 * commencé la semaine", "startete in die Woche", "arrancó la semana": what opened the week happened
 * on its Monday, the publication's week being the one meant. "this week" (any day of it) is read
 * apart.
 */
const WEEK_START: RegExp[] = [
  /\b(?:started|began|kicked\s+off|opened)\s+(?:the|its|their|his|her)\s+week\b/giu,
  /(?<!\p{L})(?:a|ont)\s+(?:commencé|débuté|entamé)\s+la\s+semaine(?!\p{L})/giu,
  /(?<!\p{L})(?:startete|starteten|begann|begannen)\s+(?:in\s+)?die\s+Woche(?!\p{L})/giu,
  /(?<!\p{L})(?:comenzó|comenzaron|empezó|empezaron|arrancó|arrancaron|inició|iniciaron)\s+la\s+semana(?!\p{L})/giu,
  // Market copy: "fell to start the week", "zum Wochenauftakt", "zu Wochenbeginn" (a plan for them is a
  // forecast, and dates nothing).
  /\bto\s+(?:start|begin|open|kick\s+off)\s+the\s+week\b/giu,
  /(?<!\p{L})(?:zum|zu)\s+(?:Wochenauftakt|Wochenbeginn|Wochenanfang)(?!\p{L})/giu,
];

function weekStartMentions(sentence: string, publishedAt: Date): Found[] {
  return mentionsOf(
    WEEK_START,
    sentence,
    () => ({
      precision: 'day',
      date: weekOf(publishedAt, 0).date,
      endDate: null,
    }),
    WEEK_WORD,
  );
}

/**
 * "over the past 24 hours", "in the last 24 hours", "au cours des dernières 24 heures", "in den
 * letzten 24 Stunden", "en las últimas 24 horas": what a report tells from the last day up to its
 * writing happened on its own day. Only a day's span: 48 or 72 hours is no one day.
 */
const LAST_DAY: RegExp[] = [
  /\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+24\s+hours\b/giu,
  /(?<!\p{L})(?:au\s+cours\s+des|ces|dans\s+les)\s+(?:dernières\s+24\s+heures|24\s+dernières\s+heures)(?!\p{L})/giu,
  /(?<!\p{L})in\s+den\s+(?:letzten|vergangenen)\s+24\s+Stunden(?!\p{L})/giu,
  /(?<!\p{L})en\s+las\s+últimas\s+24\s+horas(?!\p{L})/giu,
];

function lastDayMentions(sentence: string, publishedAt: Date): Found[] {
  return mentionsOf(
    LAST_DAY,
    sentence,
    () => ({
      precision: 'day',
      date: dayOf(publishedAt),
      endDate: null,
    }),
    DAY_SPAN_WORD,
  );
}

/**
 * Every phrase read here names one of these words: a sentence without them is skipped cheaply. No /u
 * flag and no lookbehind, which made this test of every sentence cost 2 % of extraction ("ay" is the
 * Turkish month; \b still sees its edge before "ın").
 */
const PERIOD_WORD =
  /week|fortnight|month|semaine|mois|woche|monat|semana|settiman|mes|mês|24|jours?\b|\btag|\bd[ií]as?\b|giorn|hafta|\bay\b|önce|years?\s+ago\s+(?:to|this)/i;

/**
 * Weeks, weekends and months counted from publication: what chrono reads as a vague relative and
 * drops. A week is its ISO week (precision `week`), a month its month.
 */
export function periodMentions(sentence: string, publishedAt: Date): Found[] {
  if (!PERIOD_WORD.test(sentence)) return [];
  return [
    ...lastWeekDayMentions(sentence, publishedAt),
    ...weeksAgoDayMentions(sentence, publishedAt),
    ...weekMentions(sentence, publishedAt),
    ...weekStartMentions(sentence, publishedAt),
    ...weekendMentions(sentence, publishedAt),
    ...monthMentions(sentence, publishedAt),
    ...agoMentions(sentence, publishedAt),
    ...lastDayMentions(sentence, publishedAt),
  ];
}

/**
 * "six weeks after the earthquake", "three days after the vote", "one day after it debuted its
 * model", "it has been three weeks since the ferry capsized": the thing named after "after" or
 * "since" happened that long before the sentence's own day.
 */
const OFFSET_AFTER = new RegExp(
  String.raw`(?<!\bin\s+)\b${COUNT}\s+(day|week|month)s?\s+(to\s+the\s+day\s+)?(?:after|since)\s+(?!(?:he|she|it|they|this|that|which)\b)(?=\p{L})`,
  'iu',
);

/**
 * "three weeks since the storm": counted back from now or the day told, never forward from a day
 * written after it.
 */
export const isSince = (offset: { text: string }) => /\ssince$/i.test(offset.text);

/**
 * "Friday marks one year since the dam burst", "on the second anniversary of the attack": the thing
 * remembered happened that many years before the day that marks it, to the day.
 */
const ANNIVERSARY = new RegExp(
  String.raw`\b(?:${COUNT}\s+years?\s+(?:to\s+the\s+day\s+)?since|(?:the\s+)?(first|second|third|fourth|fifth|tenth|\d{1,2}(?:st|nd|rd|th))\s+anniversary\s+of)\s+(?!(?:he|she|it|they|this|that|which)\b)(?=\p{L})`,
  'iu',
);
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  tenth: 10,
  ersten: 1,
  zweiten: 2,
  dritten: 3,
  vierten: 4,
  fünften: 5,
  zehnten: 10,
  premier: 1,
  deuxième: 2,
  troisième: 3,
  quatrième: 4,
  cinquième: 5,
  dixième: 10,
  primer: 1,
  segundo: 2,
  tercer: 3,
  cuarto: 4,
  quinto: 5,
  décimo: 10,
};

/**
 * The same in German, French and Spanish: "zum zweiten Mal jährt", "jährt sich am Montag zum zweiten
 * Mal", "der zweite Jahrestag des", "le deuxième anniversaire de", "el segundo aniversario de". Each
 * alternative's one group is the ordinal.
 */
const ORDINAL_WORD = String.raw`(\p{L}+|\d{1,2}(?:\.|e|º|°)?)`;
const FOREIGN_ANNIVERSARY = new RegExp(
  [
    String.raw`(?<!\p{L})zum\s+${ORDINAL_WORD}\s+Mal\s+(?:gejährt|jährt|jährte)(?!\p{L})`,
    String.raw`(?<!\p{L})jährte?\s+sich\s+(?:\S+\s+){0,4}?zum\s+${ORDINAL_WORD}\s+Mal(?!\p{L})`,
    String.raw`(?<!\p{L})${ORDINAL_WORD}\s+Jahrestag(?:es|s)?\s+(?:des|der|von)\s`,
    String.raw`(?<!\p{L})${ORDINAL_WORD}\s+(?:anniversaire|aniversario)\s+(?:de|du|des|del)\s`,
  ].join('|'),
  'iu',
);
const yearsOf = (ordinal: string): number => ORDINALS[ordinal.toLowerCase()] ?? parseInt(ordinal, 10);

/** An anniversary phrase in any of those languages: where it stands and how many years it counts. */
function anniversaryPhrase(sentence: string): { index: number; text: string; years: number } | undefined {
  const english = ANNIVERSARY.exec(sentence);
  if (english) {
    const years = english[1] ? countOf(english[1]) : yearsOf(english[2] ?? '0');
    return { index: english.index, text: english[0].trimEnd(), years };
  }
  const foreign = FOREIGN_ANNIVERSARY.exec(sentence);
  const ordinal = foreign?.slice(1).find((group) => group !== undefined);
  const years = ordinal === undefined ? Number.NaN : yearsOf(ordinal);
  return foreign && years > 0 ? { index: foreign.index, text: foreign[0].trimEnd(), years } : undefined;
}

/** The day an anniversary phrase remembers, counted back from `reference` (the day that marks it). */
function anniversaryOf(sentence: string, reference: string): Found | undefined {
  const phrase = anniversaryPhrase(sentence);
  if (!phrase) return undefined;
  const remembered = toTheDay(new Date(`${reference}T00:00:00Z`), phrase.years, 'year');
  return { index: phrase.index, text: phrase.text, ...remembered };
}

/**
 * "two days before the raid": the thing named came that many days after the day. Weeks are left out:
 * "four weeks before the vote" is as often a round figure as a count.
 */
const OFFSET_BEFORE = new RegExp(
  String.raw`\b${COUNT}\s+days?\s+before\s+(?!(?:he|she|it|they|this|that|which)\b)(?=\p{L})`,
  'iu',
);

/** The later event an "N days before X" phrase dates, counted forward from `reference` (a day). */
export function offsetBefore(sentence: string, reference: string): Found | undefined {
  const match = OFFSET_BEFORE.exec(sentence);
  if (!match || boundsTheCount(sentence, match.index)) return undefined;
  const ref = new Date(`${reference}T00:00:00Z`);
  return {
    index: match.index,
    text: match[0].trimEnd(),
    precision: 'day',
    date: dayOf(ref, countOf(match[1])),
    endDate: null,
  };
}

/** The earlier event an "N days/weeks after X" phrase dates, counted back from `reference` (a day). */
export function offsetAfter(sentence: string, reference: string): Found | undefined {
  const match = OFFSET_AFTER.exec(sentence);
  if (!match) return anniversaryOf(sentence, reference);
  if (boundsTheCount(sentence, match.index)) return undefined;
  const count = countOf(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  const ref = new Date(`${reference}T00:00:00Z`);
  const index = match.index;
  const text = match[0].trimEnd();
  // "a month to the day after": a day; "a month after", only that month.
  if (match[3]) return { index, text, ...toTheDay(ref, count, unit) };
  if (unit === 'month') return { index, text, precision: 'month', date: monthOf(ref, -count), endDate: null };
  return {
    index,
    text,
    precision: 'day',
    date: dayOf(ref, -(unit === 'week' ? 7 : 1) * count),
    endDate: null,
  };
}
