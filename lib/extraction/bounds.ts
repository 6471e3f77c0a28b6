import { isCasualDayText } from './casual-words.ts';
import { clauseSpan } from './clauses.ts';
import type { DateMention } from './mention.ts';
import { isCasualtyCount } from './tally.ts';
import { ENGLISH_WEEKDAY } from './weekday.ts';

/**
 * Comparison points and deadlines date no event: "since 2021", "by Tuesday", "valid until 18:00 today",
 * "runs through Saturday" (a span's last day, in American usage).
 * A hedge between the bound and its date leaves it a bound: "closed until at least Wednesday",
 * "since at least 2019", "bis mindestens Freitag", "bis einschließlich 31. August" (a booking window's
 * last day); so does an article or "last" ("desde el pasado mes
 * de marzo", "seit dem 3. März"). Deadlines as government releases and regional papers write them in
 * the other languages: "bis zum 30. Juni", "spätestens am Dienstag", "jusqu'à lundi", "d'ici mardi",
 * "au plus tard le 31 mai", "hasta el próximo 30 de junio", "a más tardar el", "até ao dia 30",
 * "non oltre il 31 maggio", "fino al 12".
 */
const NOT_AN_EVENT_BEFORE =
  /(?:^|[\s(])(?:since|by|until|till|through|thru|before|as of|as at|seit|bis(?:\s+zum)?|spätestens|depuis|jusqu['’](?:au|à)|d['’]ici|au plus tard|avant|desde|hasta|antes\s+del?|a más tardar|até(?:\s+(?:o|a|ao|à))?|desde\s+o|non oltre|fino\s+(?:a|al|alla|alle)|з|с|до)\s+(?:(?:at least|at the (?:earliest|latest)|mindestens|frühestens|spätestens|einschließlich|inklusive|au moins|al menos)\s+)?(?:(?:the|el|la|le|dem|den|il)\s+)?(?:(?:pasado|pasada|último|última|próximo|próxima|passado|passada)\s+(?:mes\s+de\s+)?)?(?:(?:día|dia)\s+)?(?:early\s+|late\s+|mid-?)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*)?$/i;
/**
 * "The case was adjourned till May 28", "magistrates adjourned the hearing until Tuesday", "the vote
 * was postponed until 3 June": a court or a body moving something to a day books it for that day,
 * as regional court copy writes every hearing; "until" there is no bound. A remand books a day only
 * as the next appearance ("remanded in custody to 7 June"); "remanded in police custody till April
 * 17" is how long the custody lasts, and the news is the remand, on its own day.
 */
const BOOKED_UNTIL =
  /\b(?:(?:adjourned|postponed|deferred|put\s+off|pushed\s+back|rescheduled)\b[^.;]{0,40}?\b(?:until|till|to)|remanded\b[^.;]{0,40}?\bto)\s+(?:the\s+)?$/i;

/** Whether the words before a date book it by moving something to it (see BOOKED_UNTIL). */
export const isBookedUntil = (before: string): boolean => BOOKED_UNTIL.test(before.slice(-64));

/** "higher than in 2019", "compared with last year", "up 1 percent from last year": a yardstick. */
const COMPARED = /(?:^|\s)(?:than|compared (?:with|to)|versus|vs\.?)\s+(?:in\s+|on\s+)?(?:the\s+)?$/i;
/**
 * "will reopen on 16 March instead of 9 March as first planned", "rather than on Friday", "au lieu du
 * 9 mars", "statt am Montag", "en lugar del lunes": the day a plan was moved away from, which nothing
 * happens on.
 */
const REPLACED =
  /(?<!\p{L})(?:instead of|in place of|rather than|au lieu(?: d[eu])?|(?:an)?statt|anstelle|en (?:lugar|vez)(?: de)?)\s+(?:(?:on|the|le|la|l'|el|am|dem|des|del)\s*)?$/iu;
/**
 * "will take place on Saturday, and not on Friday, 13th March, as earlier announced": the day a plan
 * was moved away from, told by what follows it.
 */
const NOT_ON = /(?<!\p{L})not\s+(?:on\s+)?$/iu;
const AS_ANNOUNCED =
  /^,?\s*as\s+(?:first\s+|earlier\s+|previously\s+|originally\s+|initially\s+)?(?:announced|planned|scheduled|expected|reported)\b/iu;
const isDayLeft = (before: string, after: string) => NOT_ON.test(before) && AS_ANNOUNCED.test(after);

/**
 * "Spacewalk planned for Thursday postponed", "the vote scheduled for Tuesday was called off", "la
 * sortie prévue jeudi a été reportée", "la votación prevista para el martes fue aplazada": a plan's day
 * that what follows calls off, as CALLED_OFF before it does.
 */
const PLANNED_FOR =
  /(?:(?<!\p{L})(?:planned|scheduled|set|slated|due)\s+(?:for|on)|(?<!\p{L})(?:prévue?s?|programmée?s?)(?:\s+pour)?|(?<!\p{L})(?:prevista?s?|programad[oa]s?)(?:\s+para)?)\s+(?:(?:the|le|el)\s+)?$/iu;
const CALLED_OFF_AFTER =
  /^\s*,?\s*(?:(?:has|have|had)\s+been\s+|was\s+|were\s+|is\s+|(?:a|ont)\s+été\s+|(?:fue|fueron|ha\s+sido|han\s+sido)\s+)?(?:postponed|cancell?ed|called\s+off|scrapped|delayed|suspended|put\s+off|pushed\s+back|reporté|annulé|suspendu|aplazad|suspendid|cancelad|pospuest)/iu;
const isCalledOffAfter = (before: string, after: string) =>
  PLANNED_FOR.test(before) && CALLED_OFF_AFTER.test(after);
/** "15 and " of "15 and 16 April": chrono's date is the last day, the plan's words stand before the first. */
const FIRST_OF_TWO_DAYS = String.raw`(?:\d{1,2}(?:st|nd|rd|th|er)?\s+(?:and|et|y|&)\s+(?:el\s+)?)?`;
/** The plan called off, up to its participle: words of one phrase, no second clause ("and confirmed"). */
const CALLED_OFF_OBJECT = String.raw`(?:(?:(?!(?:and|but|or|while|after|then|which|that|et|mais|puis|qui|que|y|pero)(?!\p{L}))[^\s.;:,]+\s+){0,8}?)`;
/**
 * "originally planned for Feb. 24", "had been scheduled for Monday but was pushed back", "initialement
 * prévue le 1er mars", "prevista inicialmente para el 1 de marzo", "ursprünglich für den 1. März
 * geplant": the day a plan first held, which the sentence tells was left; like a day a plan was moved
 * away from (REPLACED), nothing happens on it. So with a plan the sentence calls off ("suspended the
 * strike planned for 15 April", "a suspendu la grève prévue les 15 et 16 avril", "desconvocó la huelga
 * prevista para el 15 de abril").
 */
const ABANDONED_PLAN = new RegExp(
  [
    String.raw`\b(?:originally|initially|first|previously)\s+(?:been\s+)?(?:planned|scheduled|set|slated|due|expected|booked)\s+(?:to\s+(?:[\p{L}-]+\s+){1,3}?)?(?:for|on)\s+(?:the\s+)?$`,
    String.raw`(?<!\p{L})(?:devai(?:t|ent)|étai(?:t|ent)\s+censée?s?)\s+(?:initialement|à\s+l['’]origine|d['’]abord)\s+(?:[\p{L}'’-]+\s+){1,3}?(?:le|au)\s+$`,
    String.raw`\bhad\s+been\s+(?:planned|scheduled|set|slated|due|booked)\s+(?:to\s+(?:take\s+place|be\s+held)\s+)?(?:for|on)\s+(?:the\s+)?$`,
    String.raw`(?<!\p{L})(?:initialement|d['’]abord|originellement)\s+(?:prévue?s?|programmée?s?|fixée?s?)\s+(?:pour\s+)?(?:le|au)\s+$`,
    String.raw`(?<!\p{L})(?:prevista?s?|programad[oa]s?|fijad[oa]s?)\s+(?:inicialmente|originalmente)\s+(?:para\s+)?(?:el\s+)?$`,
    String.raw`(?<!\p{L})(?:inicialmente|originalmente)\s+(?:prevista?s?|programad[oa]s?|fijad[oa]s?)\s+(?:para\s+)?(?:el\s+)?$`,
    String.raw`(?<!\p{L})(?:ursprünglich|eigentlich)\s+(?:für\s+(?:den\s+)?|am\s+)$`,
    // Called off: "suspended the strike planned for 15 April", "a annulé la grève prévue le 15 avril".
    String.raw`\b(?:suspend|cancel|call(?:ed|ing|s)?\s+off|scrap|postpon|abandon|shelv|withdr[ae]w)\p{L}*\s+${CALLED_OFF_OBJECT}(?:planned|scheduled|set|slated|due|called)\s+(?:to\s+(?:take\s+place|begin|start)\s+)?(?:for|on|from)\s+(?:the\s+)?${FIRST_OF_TWO_DAYS}$`,
    String.raw`(?<!\p{L})(?:suspendu|annulé|reporté|levé|retiré)e?s?\s+${CALLED_OFF_OBJECT}(?:prévue?s?|programmée?s?)\s+(?:pour\s+)?(?:le|les|du|au)\s+${FIRST_OF_TWO_DAYS}$`,
    String.raw`(?<!\p{L})(?:suspend|cancel|desconvoc|aplaz|pospus|retir)\p{L}*\s+${CALLED_OFF_OBJECT}(?:prevista?s?|programad[oa]s?|convocad[oa]s?)\s+(?:para\s+)?(?:el|los|del)\s+${FIRST_OF_TWO_DAYS}$`,
  ].join('|'),
  'iu',
);

/**
 * "delivered 24 planes in April, down from 31 in March", "inflation eased to 3.4% from 3.5% in
 * March", "up from $2.89 on Monday": the figure a change is measured from, and its date a yardstick.
 * A count rising "from 28 on Wednesday" without "up" or "down" may be that day's news (a toll), and stays.
 */
const MEASURED_FROM =
  /\b(?:(?:up|down|higher|lower)\s+from\s+(?:[$€£¥]\s?)?\d[\d.,]*(?:\s*%|\s+percent|\s+per\s+cent|\s+(?!in\b|on\b)\p{L}+)?|from\s+\d[\d.,]*(?:\s*%|\s+percent|\s+per\s+cent))(?:\s+(?:in|on))?\s+$/iu;
/**
 * "a 24% premium to its closing price on Monday", "up 3% from Friday's close": a market's close on a
 * day is a yardstick, the price a figure is measured against, not news of that day.
 */
const CLOSE_BEFORE = /\b(?:closing\s+(?:price|level|value)|(?:its|the|their|a)\s+close)\s+(?:on\s+)?$/i;
const CLOSE_AFTER = /^['’]s\s+(?:close|closing\s+(?:price|level|value))\b/i;
/**
 * The same yardstick told with its verb: "rose 7% to 1,199p after closing at 1,120p on Friday",
 * "nachdem sie am Freitag bei 1120 Pence geschlossen hatten". The day is the figure's, not the news.
 */
const CLOSED_AT_BEFORE =
  /\b(?:after|having)\s+clos(?:ed|ing)\s+(?:at|up|down|higher|lower)\b[^;:]{0,40}\s(?:on\s+)?$/i;
const CLOSED_AT_AFTER = /^\s*(?:bei|mit)\s+\d[\d.,]*\s*(?:\p{L}+\s+)?geschlossen\b/iu;
/** "up 4% from last year", "ahead of last year", "behind last year", "below last year": last year as a yardstick. */
const AGAINST_LAST_YEAR = /(?:^|\s)(?:from|ahead of|behind|below|above|up on|down on)\s+$/i;
/**
 * "the nine months ended September 30", "the quarter ending 31 March", "the three months to 30
 * September" (as British reports write it): a reporting period's end.
 */
const PERIOD_END = /\b(?:months|quarter|year|period|weeks?|half)\s+(?:end(?:ed|ing)\s+(?:on\s+)?|to\s+)$/i;
/**
 * "accepted her resignation, effective Nov. 30", "with effect from 1 October", "mit Wirkung zum 30.
 * September", "avec effet au 1er octobre", "con efectos desde el 1 de octubre": the day a decision
 * takes effect, which frames the decision told beside it and is no event of its own. So is the day a
 * pay rise or a refund is backdated to ("backdated to January 1", "retroactive to", "rückwirkend zum",
 * "rétroactive au", "con carácter retroactivo desde", "retroactiva al"). A casual day ("suspended
 * withdrawals with effect from 3pm today") is the act's own day, and stays.
 */
const TAKES_EFFECT =
  /(?<!\p{L})(?:effective|with effect (?:from|on)|mit Wirkung (?:zum|vom|ab)|avec effet (?:au|le|à compter du)|con efectos? (?:desde|a partir) del?|backdated (?:to|from)|retroactive(?:ly)? (?:to|from)|rückwirkend (?:zum|ab|vom|seit)|rétroacti(?:f|ve|vement) (?:au|à compter du|depuis le)|(?:con carácter )?retroactiv[oa]s? (?:al|desde el)|retroattiv[oa] (?:al|dal))\s+(?:(?:from|on|the|el|le|dem)\s+)?$/iu;

/**
 * "einen Zuschlag ab dem 11. Mai", "des droits de douane à partir du 1er avril", "aranceles a partir
 * del 1 de abril", "a partire dal 1° aprile": the written day from which a measure applies, as
 * "effective" gives it in English (English "from" starts spans and journeys too, and is left alone;
 * so is German "ab Montag, 16. März", which as often starts what the sentence tells).
 */
const STARTING_FROM =
  /(?<!\p{L})(?:ab\s+dem|à\s+partir\s+du|à\s+compter\s+du|a\s+partir\s+del?|a\s+partire\s+dal)\s+$/iu;

/** "after 1 March" bounds a span of time; "after Friday's prisoner exchange" dates the exchange. */
const AFTER = /(?:^|[\s(])after\s+(?:the\s+)?$/i;
/** Text right after a date that makes it a possessive: "Monday's vote", "yesterday's ruling". */
export const POSSESSIVE = /^['’]s\b/;
/**
 * "until the demolition on Monday", "since the vote on 3 March": a bound named by an event and its
 * day frames another statement; "as early as Wednesday", "expected to arrive on Friday", "rain is
 * forecast for Saturday", "delays expected into early Sunday": a forecast, but not a body's or a
 * person's booked act ("is expected to vote Tuesday", "is expected to sign it Friday"), which is a
 * schedule; "a shutdown that would have begun on Saturday": what did not happen.
 */
/** A word of the bounding event's name, not a verb: "until police arrived on Monday" dates the arrival. */
const NOUN = String.raw`(?!(?:\p{L}+ed|hit|struck|began|fell|broke|came|went|took|made|was|were|had|did)\b)[\p{L}-]+`;
const FRAMING_EVENT = new RegExp(
  String.raw`(?:^|[\s(])(?:until|till|since|pending)\s+(?:the|its|their|his|her)\s+${NOUN}(?:\s+${NOUN}){0,3}\s+(?:(?:on|in)\s+)?$`,
  'iu',
);
const FORECAST =
  /\b(?:as (?:early|soon|late) as|no (?:earlier|sooner|later) than|expected to (?!be\s+held\b|(?:vote|sign|rule|decide|announce|approve|meet|testify|appear|name|visit|unveil|deliver|publish|release)\b)\p{L}+(?:\s+\p{L}+){0,4}|(?:could|might|(?<!\b(?:in|of|since|early|late|mid|last|this|next|until|till|by|from|through|during|and|to|or)[\s-])may(?!\s+\d))\s+(?!(?:have|not|never|be\s+(?:held|heard|sentenced|tried))\b)\p{L}+(?:\s+\p{L}+){0,7}|likely to \p{L}+(?:\s+\p{L}+){0,7}|forecast to \p{L}+(?:\s+\p{L}+){0,7}|forecast for|expected (?:into|until|till|through|throughout)(?:\s+(?:early|late))?|would(?:\s+not)?\s+have\s+\p{L}+(?:\s+\p{L}+){0,3}|(?:is|are|was|were)\s+(?:(?:also|again|still)\s+)?(?:possible|likely|forecast|predicted))\s+(?:on\s+|by\s+|in\s+|at\s+)?$/iu;

/**
 * "products with use-by dates from 12/12/2024 to 20/12/2024", "a best before date of 14 December",
 * "MHD 12.12.2024", "date limite de consommation": a date printed on a product (a recall names the
 * packs it covers) is a label, no day anything happened.
 */
const PRODUCT_DATE =
  /(?:\b(?:(?:use[- ]by|best[- ]before(?:[- ]end)?|best[- ]by|sell[- ]by|display[- ]until|BBE|Mindesthaltbarkeitsdatum|Verbrauchsdatum|MHD)(?:\s+dates?)?|(?:expiry|expiration)\s+dates?|date limite de consommation|date de durabilité minimale|fecha de (?:caducidad|consumo preferente))\b)(?:\s*\([^)]*\))?(?:\s+(?:of|from|between|is|are|on|ranging from|du|des|von|vom|de))?[\s:]*$/iu;

/**
 * "By Saturday, some investors were pushing…", "the toll had risen to 5,000 by Tuesday": in a past
 * clause, "by" or "as of" a weekday tells the day a story reached that point; narrative time runs on
 * weekdays, where a yardstick or deadline names a calendar date ("as of 30 September", "by 1 March").
 */
const NARRATIVE_BY = /(?:^|[\s(])(?:by|as of)\s+$/i;
// "as of 5 p.m. Wednesday": the time of day may come first.
const WEEKDAY = new RegExp(
  String.raw`^(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?\s+(?:on\s+)?)?(?:${ENGLISH_WEEKDAY}|yesterday)\b(?:\s+(?:morning|afternoon|evening|night))?$`,
  'i',
);

/**
 * "asked banks to report their exposure by Friday", "ordered the firm to pay by Monday": the act
 * after "to" is still ahead of the past verb, so "by" is its deadline, not a day the story reached;
 * not "appeared to have been in vain by Monday", where the story had reached that point.
 */
const TO_DO_BY = /\bto\s+(?!(?:have|be|been)\b)\p{L}+(?:\s+[^\s,;.]+){0,5}\s+by\s+$/iu;

/**
 * "As of 20 January, 486 suspected cases had been reported", "bis Sonntag wurden 1146 Verdachtsfälle
 * registriert", "hasta el miércoles 28 de enero se habían notificado 1.914 casos": a casualty or case
 * count reached by its day is that day's count, an event of it, whatever form the day takes. Not a
 * company's figures ("as of 30 September, it served 175 markets"), which are a yardstick.
 */
const COUNT_REACHED_BY = /(?:^|[\s(])(?:as of|as at|by|bis(?:\s+zum)?|hasta(?:\s+el)?|jusqu['’]au)\s+$/i;

function isCountReachedBy(sentence: string, mention: DateMention, before: string): boolean {
  if (mention.tense === 'future' || !COUNT_REACHED_BY.test(before)) return false;
  const [start, end] = clauseSpan(sentence, mention.index);
  const after = mention.index + mention.text.length;
  return isCasualtyCount(`${sentence.slice(start, mention.index)} ${sentence.slice(after, end)}`);
}

function isNarrativeBy(sentence: string, mention: DateMention): boolean {
  const before = sentence.slice(Math.max(0, mention.index - 24), mention.index);
  if (isCountReachedBy(sentence, mention, before)) return true;
  return (
    mention.tense === 'past' &&
    WEEKDAY.test(mention.text.trim().replace(/[,.;:]+$/, '')) &&
    NARRATIVE_BY.test(before) &&
    !TO_DO_BY.test(sentence.slice(Math.max(0, mention.index - 64), mention.index))
  );
}

/**
 * "Just after midday on 17 November", "shortly before 4 a.m. on Monday": "after" or "before" bounds
 * the time of day, and the day is when it happened. chrono reads the time and the day as one date.
 */
const NEAR = /(?:^|[\s(])(?:after|before)\s+$/i;
const CLOCK_LED =
  /^(?:midday|noon|midnight|\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?|\d{1,2}[:.]\d{2})\s+(?:on\s+|of\s+)?\S/i;

/** Whether "after" or "before" right ahead of a date bounds its time of day, not the day. */
export const boundsTheTime = (before: string, text: string): boolean =>
  NEAR.test(before) && CLOCK_LED.test(text);

const isMomentOfADay = (before: string, mention: DateMention) =>
  mention.precision === 'day' && boundsTheTime(before, mention.text);

/**
 * "hardest hit by the Feb. 6 quake", "triggered by the 3 March blast": "by" after a past participle
 * names who or what did it, and the date names that event; a deadline is "by 1 March", "by the end of".
 */
const AGENT_BY =
  /(?:\p{L}+ed|\b(?:hit|struck|shaken|torn|caught|led|driven|swept|shot|overshadowed))\s+by\s+(the\s+)?$/iu;

/**
 * Whether a date names the event that did something ("hit by the Feb. 6 quake", "hit by last week's
 * quake"): one gone by. Without "the", only a possessive date names an event ("triggered by Monday's
 * blast"); "repaired by Tuesday" is a deadline.
 */
export const namesTheAgent = (sentence: string, index: number, length = 0): boolean => {
  const agent = AGENT_BY.exec(sentence.slice(Math.max(0, index - 24), index));
  if (!agent) return false;
  return (
    agent[1] !== undefined || POSSESSIVE.test(sentence.slice(index + length).replace(/^\S*?(?=['’]s\b)/, ''))
  );
};

/**
 * A possessive date names an event ("before Monday's quake", "since last week's vote"), which is
 * dated whatever bounds it; a deadline named so ("by Friday's deadline") is still a bound.
 */
const NAMES_AN_EVENT = /^['’]s\s+(?!(?:deadline|cut-?off|close)\b)/i;
const NAMES_A_DEADLINE = /^['’]s\s+(?:deadline|cut-?off)\b/i;

/** Whether the date at `index` is possessive and names an event: "Monday's quake". */
export const namesAnEvent = (sentence: string, index: number, length: number): boolean =>
  NAMES_AN_EVENT.test(sentence.slice(index + length));

/**
 * "desde el 3 de marzo hasta el 5 de junio": the first day of a span written out, where chrono reads
 * the two days apart. A span began then; it frames nothing else.
 */
const OPENS_A_SPAN = /^\s*,?\s*(?:hasta|bis|until|till|to|au|jusqu['’]au|al)\s+(?:(?:el|le|zum|the)\s+)?\d/i;

/**
 * "hiding since March 3, when a warrant was issued", "depuis le 3 mars, quand…", "desde el pasado 3
 * de marzo, cuando…", "seit dem 3. März versteckt, als…" (a German verb may close the clause first):
 * the bound's day is also the day of what the "when" clause tells, an event of its own.
 */
const DATES_A_WHEN = /^(?:\s+\p{L}+){0,2}\s*,\s*(?:when|cuando|quand|lorsqu(?:e|['’])|als|quando)(?!\p{L})/iu;

/**
 * Italian bounds: "da martedì si registrano code" (since Tuesday), "dal 3 marzo", "fino a venerdì",
 * "entro il 20 marzo". "da" also opens what a plan starts from ("da lunedì i treni torneranno"), a day
 * the plan is booked for, so only outside the future, and "dal 3 al 5 marzo" is a span written out;
 * "da" is Portuguese "of the" too, so Italian only.
 */
const ITALIAN_SINCE = /(?:^|\s)(?:da|dal|dall['’]|dalla)\s+$/i;
const ITALIAN_UNTIL = /(?:^|\s)(?:fino\s+a|fino\s+al|entro(?:\s+il)?)\s+$/i;
const isItalianBound = (before: string, mention: DateMention, language?: string) =>
  language === 'it' &&
  (ITALIAN_UNTIL.test(before) ||
    (mention.tense !== 'future' && mention.endDate === null && ITALIAN_SINCE.test(before)));

/**
 * Turkish writes its bounds after the date, as suffix and postposition: "Salı gününden bu yana",
 * "3 Mart'tan beri" (since), "20 Mart'a kadar", "cuma gününe dek" (until).
 */
const TURKISH_BOUND =
  /^\S+(?:\s+\S+)?(?:(?:d|t)[ae]n\s+(?:beri|bu\s+yana)|['’]?y?[ae]\s+(?:kadar|dek))(?!\p{L})/iu;
const isTurkishBound = (sentence: string, mention: DateMention, language?: string) =>
  language === 'tr' &&
  TURKISH_BOUND.test(sentence.slice(mention.index, mention.index + mention.text.length + 24));

/**
 * "was chief technology officer of Facebook till June 2008", "served as harbour master until March
 * 2019", "held the post until June 2021": a tenure told in the past ends on its "until" date, the
 * day or month someone left a post, not a bound on another statement. A role, or a verb of holding
 * one, in the past before the bound; "the bridge was closed until Monday" names no role and stays a
 * bound. A day or a month only, gone by or written with its year ("until 2019" says only a year).
 */
const ROLE =
  '(?:chief|CEO|president|chair(?:man|woman)?|director|head|minister|secretary|officer|governor|mayor|editor|manager|coach|captain|ambassador|commissioner|spokes(?:man|woman|person)|leader|member)';
const TENURE_END = new RegExp(
  String.raw`\b(?:(?:was|were|had been)\s+(?:[\p{L}'’-]+\s+){0,3}${ROLE}\b|(?:served|held\s+(?:the|that|this|his|her|a)\s+(?:post|office|position|role|job|seat)|led|ran|headed|chaired)\b)[^.;:]{0,80}?\b(?:until|till)\s+$`,
  'iu',
);
const endsATenure = (sentence: string, mention: DateMention) =>
  mention.precision !== 'year' &&
  (mention.tense === 'past' || /\d{4}/.test(mention.text)) &&
  TENURE_END.test(sentence.slice(Math.max(0, mention.index - 140), mention.index));

/**
 * "would not exist as it does today", "what the port has become today", "the city as we know it
 * today": "today" as nowadays, the present state of things, no day anything happened.
 */
const NOWADAYS_BEFORE =
  /\b(?:as\s+(?:it|they|we|he|she|you|one)\s+(?:does|do|is|are|stands?|knows?(?:\s+it)?|see\s+it)|(?:has|have)\s+become|what\s+(?:it|they|he|she)\s+(?:is|are))\s+$/i;
/** "in today's environment", "today's world", "today's young people": the present age, not a day. */
const NOWADAYS_AGE =
  /^['’]s\s+(?:(?:fast-changing|changing|modern|digital|global|current|uncertain)\s+)?(?:world|environment|economy|climate|society|market|age|era|landscape|times|generation|youth|young\s+people|standards|terms|money|dollars)\b/i;
const meansNowadays = (before: string, mention: DateMention, after: string) =>
  /^today$/i.test(mention.text.trim()) && (NOWADAYS_BEFORE.test(before) || NOWADAYS_AGE.test(after));

/**
 * A day ahead in a forecaster's words ("forecasters said it would make landfall late Thursday", "la
 * AEMET prevé lluvias el miércoles"): where the weather will be, not a day anything is booked for.
 */
const FORECASTER =
  /(?<!\p{L})(?:forecasters?|meteorologists?|(?:national\s+)?weather\s+service|met\s+office|hurricane\s+center|weather\s+bureau|météo-france|prévisionnistes?|wetterdienst|meteorologen|aemet|meteorólogos?|pronóstico|previsiones)(?!\p{L})/iu;
const isForecastAhead = (sentence: string, mention: DateMention) =>
  mention.tense === 'future' && FORECASTER.test(sentence);

/**
 * A month a statistic is measured over ("inflation slowed to 2.3% in October, data showed on
 * Wednesday", "stood at 1.9 per cent in October", "Im Oktober hatte die Rate noch bei 2,4 Prozent
 * gelegen"): the figure's period, not a day anything happened; the release is the news.
 */
const MEASURE_MOVES =
  /\b(?:rose|fell|slowed|eased|accelerated|jumped|climbed|dropped|declined|increased|decreased|grew|shrank|contracted|expanded|stood|edged|ticked|averaged|came\s+in|held\s+steady|was|were)\b|(?<!\p{L})(?:lag|lagen|gelegen|stieg|gestiegen|sank|gesunken|betrug|s['’]est\s+établie?|a\s+(?:progressé|reculé|augmenté|baissé)|se\s+situó|subió|bajó|creció|cayó)(?!\p{L})/iu;
const FIGURE =
  /\d(?:[\d.,]*\d)?\s?(?:%|per\s?cent|percent|prozent|pour\s+cent|por\s+ciento|points?)(?!\p{L})/iu;
/**
 * The figure right before the month ("to 2.3% in October"), an index's bare reading moved to or from
 * it ("jumped to 12.4 this month from minus 3.1 in October"), or the figure a few words after it ("in
 * October to 2.3%", German "Im Oktober hatte die Rate noch bei 2,4 Prozent gelegen").
 */
const FIGURE_BEFORE = new RegExp(
  `(?:${FIGURE.source}|\\b(?:to|from)\\s+(?:minus\\s+|-)?\\d[\\d.,]*)\\s+(?:in|im|en|au\\s+mois\\s+d['’])?\\s*$`,
  'iu',
);
const FIGURE_AFTER = new RegExp(`^\\s*(?:\\S+\\s+){0,5}?${FIGURE.source}`, 'iu');
const isMeasuredPeriod = (sentence: string, mention: DateMention) => {
  if (mention.precision !== 'month') return false;
  const before = sentence.slice(Math.max(0, mention.index - 40), mention.index);
  const after = sentence.slice(mention.index + mention.text.length, mention.index + mention.text.length + 60);
  const around = sentence.slice(Math.max(0, mention.index - 80), mention.index + mention.text.length + 60);
  return (FIGURE_BEFORE.test(before) || FIGURE_AFTER.test(after)) && MEASURE_MOVES.test(around);
};

/**
 * A casual day capitalised inside a sentence, beside another capitalised word: part of a title or a
 * name ("presented Tomorrow's World", "starred in Tomorrow Never Dies", "USA Today"), no day.
 */
const CAPITALISED_CASUAL = /^(?:Today|Tomorrow|Yesterday|Tonight)$/;
const NAME_AFTER = /^(?:['’]s)?\s+\p{Lu}/u;
const NAME_BEFORE = /\p{Lu}[\p{L}.]*\s+$/u;
const OPENS_SENTENCE = /(?:^|[.!?:;"“‘(—–-])\s*$/u;
function isInAName(sentence: string, mention: DateMention): boolean {
  if (!CAPITALISED_CASUAL.test(mention.text.trim())) return false;
  const before = sentence.slice(0, mention.index);
  if (OPENS_SENTENCE.test(before)) return false;
  const after = sentence.slice(mention.index + mention.text.length);
  return NAME_AFTER.test(after) || NAME_BEFORE.test(before);
}

/**
 * "their biggest one-day drop since the company listed in 2016", "the first time since the war began
 * in 2014", "the deadliest attack since the storms in March": a record measured since a thing, whose
 * year or month ("in …") is the yardstick's, however long the clause that names it. A day after it
 * is the record's own ("the first convoy since the quake crossed on 9 February").
 */
const RECORD_SINCE =
  /\b(?:biggest|largest|highest|lowest|worst|best|steepest|sharpest|strongest|weakest|deadliest|longest|shortest|fewest|first)\b[^.;:]{0,60}?\bsince\b[^.;:,]{0,60}\bin\s+$/i;

/** A cheap test first: most mentions have no "in" right before them, nor a "since" in their sentence. */
const isRecordSince = (sentence: string, mention: DateMention) =>
  mention.precision !== 'day' &&
  /\bin\s+$/i.test(sentence.slice(Math.max(0, mention.index - 4), mention.index)) &&
  /\bsince\b/i.test(sentence) &&
  RECORD_SINCE.test(sentence.slice(Math.max(0, mention.index - 140), mention.index));

/** Whether a mention is a yardstick, a deadline or "nowadays" rather than the day something happened. */
export function isBound(sentence: string, mention: DateMention, language?: string): boolean {
  const before = sentence.slice(Math.max(0, mention.index - 24), mention.index);
  if (isForecastAhead(sentence, mention) || isMeasuredPeriod(sentence, mention)) return true;
  // A forecast's day is no event, even after "by" in a past sentence ("said the low may develop into a
  // depression by Friday"), which otherwise tells the day a story reached a point.
  const wider = sentence.slice(Math.max(0, mention.index - 64), mention.index);
  if (FORECAST.test(wider)) return true;
  if (isInAName(sentence, mention)) return true;
  if (isRecordSince(sentence, mention)) return true;
  if (meansNowadays(before, mention, sentence.slice(mention.index + mention.text.length))) return true;
  if (NAMES_A_DEADLINE.test(sentence.slice(mention.index + mention.text.length))) return true;
  if (ABANDONED_PLAN.test(wider)) return true;
  if (isDayLeft(before, sentence.slice(mention.index + mention.text.length))) return true;
  if (isCalledOffAfter(before, sentence.slice(mention.index + mention.text.length))) return true;
  if (isNarrativeBy(sentence, mention) || isMomentOfADay(before, mention)) return false;
  if (namesTheAgent(sentence, mention.index, mention.text.length)) return false;
  if (namesAnEvent(sentence, mention.index, mention.text.length)) return false;
  const after = sentence.slice(mention.index + mention.text.length);
  if (isBookedUntil(sentence.slice(0, mention.index))) return false;
  const bounded =
    NOT_AN_EVENT_BEFORE.test(before) ||
    isItalianBound(before, mention, language) ||
    isTurkishBound(sentence, mention, language);
  if (bounded && !OPENS_A_SPAN.test(after) && !DATES_A_WHEN.test(after) && !endsATenure(sentence, mention))
    return true;
  if (COMPARED.test(before) || REPLACED.test(before) || PERIOD_END.test(before)) return true;
  if (TAKES_EFFECT.test(before) && !isCasualDayText(mention.text)) return true;
  if (STARTING_FROM.test(before) && /\d/.test(mention.text)) return true;
  if (MEASURED_FROM.test(sentence.slice(Math.max(0, mention.index - 48), mention.index))) return true;
  if (CLOSE_BEFORE.test(before) || CLOSE_AFTER.test(after)) return true;
  if (CLOSED_AT_BEFORE.test(wider) || CLOSED_AT_AFTER.test(after)) return true;
  if (FRAMING_EVENT.test(wider) || PRODUCT_DATE.test(wider)) return true;
  if (AGAINST_LAST_YEAR.test(before) && /^last year$/i.test(mention.text)) return true;
  return AFTER.test(before) && !POSSESSIVE.test(sentence.slice(mention.index + mention.text.length));
}
