import { type ClauseSpan, clauseBeforeAside, clauseSpan, ZU_INFINITIVE_END } from './clauses.ts';
import { IRREGULAR_PAST } from './english-verbs.ts';
import { ENGLISH_MONTH } from './month-names.ts';
import {
  ATTRIBUTION,
  BETWEEN_AUXILIARY_FR,
  futureInPast,
  futurePattern,
  OBLIGATION_MARKER,
  OBLIGED_BEFORE,
  PAST_BY_LANGUAGE,
  PAST_EN,
  primary,
  withoutNames,
} from './tense-markers.ts';
import { ENGLISH_WEEKDAY, ENGLISH_WEEKDAY_CASED, GERMAN_WEEKDAYS, ROMANCE_WEEKDAYS } from './weekday.ts';

/**
 * How a clause frames its date. News reports in the past tense and announces in the future; a clause
 * with neither ("the runoff on 3 November", "the window opens on 26 February") takes the reading
 * nearest to publication.
 */
export type Tense = 'past' | 'future' | 'present';

/** Whether a clause announces, reports, or leaves it open: decides which way an unwritten year or weekday goes. */
export function tenseOf(text: string, language?: string): Tense {
  const lang = primary(language);
  if (futurePattern(lang).test(withoutNames(text, lang))) return 'future';
  if (futureInPast(lang).test(text)) return 'present';
  if (englishPast(text) || PAST_BY_LANGUAGE[lang]?.test(text)) return 'past';
  return 'present';
}

/**
 * English's present perfect ("has issued", "have cancelled", "has been closed") takes no definite
 * past day of its own: "have cancelled all sailings on Thursday" dates the sailings, which may be
 * ahead, so for a weekday or a written day the perfect tells no direction. A period that holds now
 * ("has lost the government this week") is what the perfect is for, and keeps it past.
 */
const PRESENT_PERFECT =
  /\b(?:has|have|[’']ve)\s+(?:(?:just|already|now|also|not|never|recently)\s+)?(?:been\s+)?(?!to\b|been\b)\p{L}+/giu;
const DEFINITE_DAY = new RegExp(String.raw`\b${ENGLISH_WEEKDAY}\b|\d`, 'i');

/** The words before a date, less an English present perfect whose object the date may be, when the date is a definite day. */
function framing(text: string, date: string, language?: string): string {
  return primary(language) === 'en' && DEFINITE_DAY.test(date) ? text.replace(PRESENT_PERFECT, ' ') : text;
}

const globalCopies = new Map<RegExp, RegExp>();

/** Every match of a pattern, through a global copy of it made once. */
function matchesOf(pattern: RegExp, text: string): IterableIterator<RegExpExecArray> {
  let global = globalCopies.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, `${pattern.flags}g`);
    globalCopies.set(pattern, global);
  }
  return text.matchAll(global);
}

/** Where a clause's first marker of a tense stands: a capitalised "-ed" word is a name ("Ahmed"). */
function firstMarker(pattern: RegExp | undefined, text: string, names = false): number {
  if (!pattern) return Number.POSITIVE_INFINITY;
  for (const match of matchesOf(pattern, text))
    if (!names || !(/^\p{Lu}\p{L}*ed$/u.test(match[0]) || isNamePart(text, match.index, match[0])))
      return match.index;
  return Number.POSITIVE_INFINITY;
}

/**
 * A past form that is part of a name: capitalised inside running text and followed by another
 * capitalised word ("the Met Office", "Met Police", "Sang Min Lee"). Not in a headline set in title
 * case, where every word is capitalised and "Storm Hit Coast" is a verb.
 */
function isNamePart(text: string, index: number, word: string): boolean {
  if (index === 0 || !/^\p{Lu}/u.test(word) || !/^\s+\p{Lu}/u.test(text.slice(index + word.length)))
    return false;
  const words = text.match(/\p{L}+/gu) ?? [];
  return words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 < words.length;
}

/** Whether English text holds a simple past, names aside. */
const englishPast = (text: string) => firstMarker(PAST_EN, text, true) !== Number.POSITIVE_INFINITY;

/**
 * A date opening its clause ("On Thursday, the club's long-serving manager was told…") is governed
 * by the clause's first verb, however long the subject before it: the first tense marker after the
 * date decides, not a "will" further on in what that verb reports ("…was told that he will lead").
 * Undefined when the date does not open its clause or no marker follows.
 */
function openingTense(
  sentence: string,
  index: number,
  length: number,
  [start, end]: ClauseSpan,
  language?: string,
): Tense | undefined {
  const lead = sentence.slice(start, index);
  const before = lead.trim().split(/\s+/).filter(Boolean).length;
  if (before > 2) return undefined;
  // "… und soll am 4. November geborgen werden": the finite verb comes before the date, and governs it.
  // Not in English, nor in Turkish, whose verb ends its clause: a word before the date is its subject
  // ("AK Parti salı günü…", "Toplantı salı günü…"), and the past suffix it seems to end in is a noun's.
  const leadTense = ['en', 'tr'].includes(primary(language)) ? 'present' : tenseOf(lead, language);
  if (leadTense !== 'present') return leadTense;
  // "Schools reopen on Thursday, the ministry said": the verb after the date is the saying's. A date
  // that opens the sentence ("On Thursday, officials said, the talks collapsed") keeps the rule.
  if (before > 0 && TRAILING_ATTRIBUTION.test(sentence.slice(index + length - 1))) return undefined;
  const rest = withoutQuotedSpeech(sentence.slice(index + length, end));
  const lang = primary(language);
  const future = Math.min(
    firstMarker(futurePattern(lang), withoutNames(rest, lang)),
    firstMarker(OBLIGATION_MARKER, rest),
  );
  const inPast = firstMarker(futureInPast(lang), rest);
  const past = Math.min(firstMarker(PAST_EN, rest, true), firstMarker(PAST_BY_LANGUAGE[lang], rest));
  const first = Math.min(future, inPast, past);
  // An infinitive with "zu" ending the clause is what a verb before it announces: not past, however
  // far the announcement is gone by (see zuInfinitiveClauses).
  if (first === Number.POSITIVE_INFINITY)
    return lang === 'de' && ZU_INFINITIVE_END.test(rest) ? 'present' : undefined;
  return first === future ? 'future' : first === inPast ? 'present' : 'past';
}

/**
 * A trailing attribution right after the date ("Schools reopen on Thursday, the ministry said"): the
 * saying's tense is not the date's, and a present-tense plan with it is no event gone by.
 */
const TRAILING_ATTRIBUTION = new RegExp(String.raw`^\S?\s*${ATTRIBUTION}\b`, 'u');

/**
 * The words that frame a date: its clause up to the date and a few words after it ("who faces a
 * runoff on 3 November", "On 3 October, the minister resigned"), not the rest of a long sentence.
 */
function tenseContext(
  sentence: string,
  index: number,
  length: number,
  [start, end]: ClauseSpan,
  language?: string,
): string {
  // The words after the date stop at its clause's end: neither the main verb after a relative clause
  // ("who takes office on 23 December, called for calm") nor a second verb ("won on Sunday and will
  // face") dates it.
  const rest = sentence.slice(index + length, end);
  // chrono's text may have taken the comma ("on Thursday,").
  const attributed = TRAILING_ATTRIBUTION.test(sentence.slice(index + length - 1));
  const after = attributed ? '' : rest.split(/\s+/).slice(0, 5).join(' ');
  return withoutQuotedSpeech(
    `${clauseBeforeAside(sentence, [start, end])} ${framing(sentence.slice(start, index), sentence.slice(index, index + length), language)} ${sentence.slice(index, index + length)} ${after}`,
  );
}

/**
 * The tense of the words `opener` finds right after a date's clause (its first group, up to five
 * words), for a clause with no tense of its own; undefined when nothing follows so or it tells no
 * tense either.
 */
const nextClauseTense =
  (opener: RegExp, englishOnly: boolean) =>
  (sentence: string, [, end]: ClauseSpan, language?: string): Exclude<Tense, 'present'> | undefined => {
    if (englishOnly && primary(language) !== 'en') return undefined;
    const next = opener.exec(sentence.slice(end))?.[1];
    const tense = next === undefined ? 'present' : tenseOf(withoutQuotedSpeech(next), language);
    return tense === 'present' ? undefined : tense;
  };

/**
 * A verb coordinated with the date's clause by "and": "set out alone on Tuesday morning and was
 * reported missing that evening" is past, though "set" reads either way. Not a second day of the
 * date's own ("would strike on April 15 and 16 unless talks resumed"), whose words run on past it.
 */
const coordinatedTense = nextClauseTense(
  /^\s+and\s+(?!\d{1,2}(?:st|nd|rd|th)?(?!\p{L}))((?:\S+\s+){0,4}\S+)/u,
  false,
);

/**
 * A relative clause right after the date's own clause: "The fire on Monday, which destroyed 40 homes,
 * was started by a power line" tells the fire's past in the clause that describes it.
 */
const relativeTense = nextClauseTense(/^,\s+(?:which|who)\s+((?:\S+\s+){0,4}\S+)/i, true);

/** The tense English words before a date in its clause give it, when `pattern` finds them there. */
const leadInTense =
  (pattern: RegExp, tense: Tense) =>
  (sentence: string, index: number, [start]: ClauseSpan, language?: string): Tense | undefined =>
    primary(language) === 'en' && pattern.test(sentence.slice(start, index)) ? tense : undefined;

/** Future when an obligation governs the date (see OBLIGATION). */
const obligedTense = leadInTense(OBLIGED_BEFORE, 'future');

/** One pattern per language, built from that language's entry in a table. */
function byLanguage<T>(table: Record<string, T>, build: (entry: T) => RegExp): Record<string, RegExp> {
  return Object.fromEntries(Object.entries(table).map(([language, entry]) => [language, build(entry)]));
}

/**
 * An attribution set after the news, with the saying's day inside it, as agency copy in other languages
 * writes it: "…, a annoncé mardi l'entreprise", "…, a annoncé l'entreprise dans la nuit de mardi à
 * mercredi", "…, anunció el lunes la compañía", "…, teilte das Unternehmen am Montag mit", "…, ha detto
 * lunedì il ministro", "…, disse na segunda-feira o ministro". The date is the saying's, which is past,
 * whatever the news before the comma announces. At most six words between, and no new clause.
 */
const SAYING_AFTER_COMMA: Record<string, string> = {
  fr: '(?:a|ont)\\s+(?:annoncé|indiqué|déclaré|affirmé|précisé|expliqué|ajouté|assuré|souligné|rapporté|confirmé|fait\\s+savoir)',
  es: '(?:anunció|anunciaron|informó|informaron|dijo|dijeron|declaró|indicó|explicó|afirmó|aseguró|señaló|precisó|añadió|agregó|confirmó|detalló)',
  de: '(?:teilte|teilten|sagte|sagten|erklärte|erklärten|berichtete|berichteten|bestätigte|bestätigten|meldete|meldeten|gab|gaben)',
  it: '(?:ha|hanno)\\s+(?:annunciato|detto|dichiarato|spiegato|riferito|confermato|reso\\s+noto|precisato|aggiunto)',
  pt: '(?:anunciou|anunciaram|disse|disseram|informou|informaram|afirmou|declarou|explicou|confirmou|adiantou|precisou)',
};
const ATTRIBUTED_AFTER = byLanguage(
  SAYING_AFTER_COMMA,
  (verbs) =>
    new RegExp(
      `,\\s+${verbs}(?!\\p{L})(?:\\s+(?!(?:qui|que|dont|où|quand|pour|cuando|donde|para|dass|wenn|weil|um|che|quando|dove|per)(?!\\p{L}))[\\p{L}'’.-]+){0,6}\\s+$`,
      'iu',
    ),
);
const attributedTense = (sentence: string, index: number, language?: string): Tense | undefined =>
  ATTRIBUTED_AFTER[primary(language)]?.test(sentence.slice(Math.max(0, index - 120), index))
    ? 'past'
    : undefined;

/**
 * A participle phrase set after the news by a comma, with the date inside it: "will take over its
 * rival in an all-share deal, announced at a press conference late on Sunday", "a ceasefire,
 * brokered by Qatar on Friday". The date is the participle's, which is past, whatever the news
 * announces. Not a participle that books a day ("scheduled", "expected", "due"), nor a phrase that
 * runs on into another clause ("passed on Monday and expected to be signed").
 */
const PARTICIPLE_PHRASE_BEFORE =
  /,\s+(?:(?:first|jointly|formally|officially|quietly)\s+)?(?!(?:scheduled|planned|expected|slated|intended|designed|aimed|timed|booked|proposed|rumou?red|needed|required|followed|preceded|joined|accompanied|capped|topped|set|due)(?!\p{L}))(?:\p{L}{3,}ed|held|made|taken|struck|given|won|sent|signed|unveiled|begun|shown|brought|caught|built|sold|bought)\s(?:(?!(?:and|but|or|to|will|would|shall|is|are|was|were|be|which|who|that|until|till)(?!\p{L}))[^\s,;:]+\s+){0,10}$/iu;
/**
 * "will open on Tuesday, followed by a vote on Thursday": a phrase that tells what comes next to the
 * clause before its comma lies that clause's way.
 */
const SEQUEL_PHRASE_BEFORE =
  /,\s+(?:followed|preceded|capped|topped|accompanied)\s+by\s+(?:[^\s,;:]+\s+){0,8}$/i;

function participleTense(sentence: string, index: number, language?: string): Tense | undefined {
  if (primary(language) !== 'en') return undefined;
  const before = sentence.slice(0, index);
  const sequel = SEQUEL_PHRASE_BEFORE.exec(before);
  if (sequel) {
    const main = sequel.index > 0 ? dateTense(sentence, sequel.index - 1, 0, language) : 'present';
    return main === 'present' ? undefined : main;
  }
  return PARTICIPLE_PHRASE_BEFORE.test(before.slice(-160)) ? 'past' : undefined;
}

/**
 * The tense that governs a date: its clause's verb after the date when the date opens the clause,
 * else the clause's words around it, else the verb "and" joins to a clause with no tense of its own.
 * The clause is found once, for all three.
 */
export function dateTense(sentence: string, index: number, length: number, language?: string): Tense {
  const clause = clauseSpan(sentence, index, primary(language));
  const read =
    attributedTense(sentence, index, language) ??
    participleTense(sentence, index, language) ??
    openingTense(sentence, index, length, clause, language) ??
    obligedTense(sentence, index, clause, language) ??
    tenseOf(tenseContext(sentence, index, length, clause, language), language);
  if (read !== 'present') return read;
  return (
    measureJoinedTense(sentence, index, clause, language) ??
    coordinatedTense(sentence, clause, language) ??
    followedTense(sentence, index, clause, language) ??
    relativeTense(sentence, clause, language) ??
    read
  );
}

/**
 * "jailed for three years and six months on Friday", "for a year and a day", "and eight months at
 * the same court on Friday": "and" joins two measures of one term, not two clauses, so the date
 * keeps the verb before it. Read as a clause of its own, "six months on Friday" had no verb and put a
 * past sentence ahead.
 */
const MEASURE_AFTER_AND =
  /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d+)\s+(?:half\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?)\s+(?:(?:at|in|before|by)\s+(?:\S+\s+){1,4}?)?(?:on\s+)?$/i;
const AND_BEFORE = /\sand\s+$/i;

function measureJoinedTense(
  sentence: string,
  index: number,
  [start]: ClauseSpan,
  language?: string,
): Tense | undefined {
  if (primary(language) !== 'en' || !MEASURE_AFTER_AND.test(sentence.slice(start, index))) return undefined;
  const edge = AND_BEFORE.exec(sentence.slice(0, start));
  if (!edge || edge.index === 0) return undefined;
  const before = dateTense(sentence, edge.index - 1, 0, language);
  return before === 'present' ? undefined : before;
}

/**
 * What a clause in the present follows came before it: "Police are appealing for witnesses after a
 * break-in on Friday", "The coast road stays impassable following a landslide on Sunday", "Saturday's
 * win follows Tuesday's defeat", "The board meets in the wake of Monday's vote". The present is now,
 * and what it comes after is gone by; a plan ("will reopen after the inspection on Friday") has a
 * tense of its own and never gets here.
 */
const FOLLOWS =
  /\b(?:after|following|follows|in the wake of|on the heels of|in response to|in protest (?:at|against|over))\s[^,;:()"“”]*$/i;
const followedTense = leadInTense(FOLLOWS, 'past');

/** Someone's quoted words, closed before the date: "'We will send more troops,' the minister said on Monday". */
const QUOTED_SPEECH = /["“«‘][^"“”«»‘’]{3,}?[,.!?]?["”»’](?=\s*,?\s*\p{Ll})|["“«][^"“”«»]{3,}["”»]/gu;

/** The words around a date without the speech it reports: the quote's tense is the speaker's, not the date's. */
function withoutQuotedSpeech(text: string): string {
  return text.replace(QUOTED_SPEECH, ' ');
}

/**
 * What a date is booked for ("called a rally for 7 December", "ahead of the election on 10 November",
 * "avant la présidentielle du 10 novembre", "the new date is 7 November", "was postponed to 20 March",
 * "was first announced to take place on 16 March", "extended the exhibition by one day, to Tuesday",
 * "une audition prévue le 25 mars", "posted the matter for further hearing on 12 December",
 * "adjourned the case till 4 March", a summons "to testify on 9 June", "a declarar el 9 de junio",
 * "pour être entendu le 9 juin"): the sentence's past tense is its reporting verb's or the move's, so
 * the date takes the reading nearest to publication.
 * Not German "ist": its participle follows the date ("ist am Sonntag gestorben"), and the past is the
 * clause's own. Nor "before dawn on Monday", a time of that day ("arrested before dawn on Monday"), nor
 * a bound with a year of its own ("einen Vertrag bis Juni 2027 unterschrieben und war am Montag
 * vorgestellt worden": the contract runs until 2027, Monday's presentation is past).
 */
const APPOINTMENT = new RegExp(
  String.raw`(?:\b(?:postponed|delayed|deferred|moved|pushed back|brought forward|put off|rescheduled|adjourned|posted|listed|extended)\s+(?:(?:the|its|his|her|their|a)\s+(?:[\p{L}-]+\s+){0,3}?(?:matter|case|hearing|trial|plea|deadline|vote|meeting|election|ballot|date|talks|session|window|period|ban|curfew|closure|order|visit|match|final|launch)\s+)?(?:by\s+[^,;.]{1,30}?,?\s+)?(?:to|until|till)|\bextended\s+(?:the|its|his|her|their|a)\s+(?:[\p{L}'’-]+\s+){1,5}?(?:by\s+[^,;.]{1,30}?,?\s+)?(?:to|until|till)|\bto take place(?:\s+on)?|\bto\s+(?:appear|testify|give\s+evidence|stand\s+trial|be\s+(?:sentenced|tried|arraigned))\b[^,;.]{0,50}|(?<!\p{L})(?:a\s+(?:declarar|comparecer)|pour\s+être\s+(?:entendue?s?|auditionnée?s?)|à\s+comparaître)(?!\p{L})[^,;.]{0,50}|\bfor(?:\s+(?:(?:a|the|further|final|next|its|his|her)\s+)?(?:hearing|vote|meeting|talks|debate|trial|sentencing|verdict|ruling|arguments|consideration|discussion)\s+(?:on|in))?|(?<!\p{L})(?:pour|für|para)(?:\s+(?:le|la|den|el))?|(?<!\p{L})(?:prévue?s?|programmée?s?|fixée?s?|prevista?s?|previsto?s?|programad[oa]s?)(?:\s+(?:le|el|au|al))?|\b(?:is|are|est)|(?<!\p{L})(?:ahead of|before|until|avant|vor|bis|en vue)(?!\p{L})(?![^,;.]{0,50}?(?<!\p{L})(?:19|20)\d{2}(?!\d))(?!\s+(?:dawn|daybreak|sunrise|first light|midnight|noon|midday|sunset|nightfall|dusk|magistrates|lawmakers|parliament|reporters|(?:a|an|the)\s+(?:judge|court|magistrate|committee|panel|council|senate|house|assembly|parliament|crowd|audience|jury|tribunal|cameras))\b)(?!\s+(?:he|she|they|it|we|i|the\s+\p{L}+)\s+(?:\p{L}+ed|hit|${IRREGULAR_PAST})\b)[^,;.]{0,50})\s*$`,
  'iu',
);

/**
 * An event called or set for its day ("Unions on Tuesday called a national strike on Friday", "the
 * opposition announced a rally on April 5"): the day is the event's, booked by a past act, and lies
 * at or after it. Read nearest publication, like a date booked for ("called a rally for 7 December").
 */
const BOOKED_EVENT =
  /\b(?:called|announced|set|fixed|scheduled|convened|planned|organi[sz]ed)\s+(?:an?|the|its|his|her|their)\s+(?:[\p{L}\p{N}-]+\s+){0,2}(?:strike|rally|protest|march|walkout|vote|referendum|election|meeting|hearing|summit|session|debate|shutdown|demonstration|sit-in)\s+(?:(?:on|for)\s+)?$/iu;
export const isBookedEvent = (before: string): boolean => BOOKED_EVENT.test(before.slice(-100));

/**
 * "remanded him until his next appearance, on 19 March", "jusqu'à sa prochaine comparution, le 19 mars",
 * "hasta su próxima comparecencia, el 19 de marzo": the day of a next occasion is booked, at or after
 * the sentence's act, whatever tense a trailing attribution gives. Not "the next day" or "next to".
 */
const NEXT_OCCASION =
  /(?<!\p{L})(?:next|prochaine?|próxim[oa]|nächsten?|prossim[oa])\s+(?!(?:to|day|morning|afternoon|evening|night|week|weekend|month|year|jour|semaine|mois|année|día|semana|mes|año|tag|woche|monat|jahr|giorno|settimana|mese|anno)(?!\p{L}))(?:[\p{L}-]+\s+)?[\p{L}-]+(?:\s*,\s*(?:(?:on|le|el|am|il)\s+)?|\s+(?:on|le|el|am|il|for|pour|para)\s+)$/iu;
export const isNextOccasion = (before: string): boolean => NEXT_OCCASION.test(before.slice(-60));

/**
 * An invitation to a meeting on its day ("invited the party leaders to a meeting at the town hall on
 * Monday", "a convié les dirigeants à une réunion lundi", "convocó a los socios a una reunión el
 * lunes"): the day is the meeting's, and the meeting lies after the invitation.
 */
const INVITED_TO = new RegExp(
  [
    String.raw`\b(?:invited|summoned|called)\s+[^.;]{0,80}?\bto\s+(?:an?|the|its|his|her|their)\s+(?:[\p{L}\p{N}-]+\s+){0,2}(?:meeting|talks|summit|hearing|session|dinner|reception|consultations?)\s+(?:[^.;,]{0,40}?\s+)?(?:(?:on|for)\s+)?$`,
    String.raw`(?<!\p{L})(?:invitée?s?|conviée?s?|convoquée?s?)\s+[^.;]{0,80}?(?<!\p{L})à\s+une?\s+(?:réunion|rencontre|sommet|audition|séance)\s+(?:[^.;,]{0,40}?\s+)?(?:le\s+)?$`,
    String.raw`(?<!\p{L})(?:invitó|convocó|citó|invitad[oa]s?|convocad[oa]s?|citad[oa]s?)\s+[^.;]{0,80}?(?<!\p{L})a\s+una?\s+(?:reunión|cumbre|encuentro|sesión|comparecencia)\s+(?:[^.;,]{0,40}?\s+)?(?:el\s+)?$`,
  ].join('|'),
  'iu',
);
/** The verbs INVITED_TO opens with, tested once a sentence so most dates skip its longer search. */
const INVITING = /invit|summon|called|convi[ée]|convoq|convoc|cit[óa]/i;
/** Whether a sentence has an inviting verb at all, and if so whether one books the day after `before`. */
export function invitationsIn(sentence: string): (before: string) => boolean {
  if (!INVITING.test(sentence)) return () => false;
  return (before) => INVITED_TO.test(before.slice(-200));
}

/**
 * The day a period someone declared or set starts ("declared three days of mourning, starting on
 * Tuesday", "a curfew beginning Friday"): it lies at or after the declaring, as a day booked does.
 */
const STARTS_PERIOD = /(?<!\p{L})(?:starting|beginning|commencing)\s+(?:on\s+|from\s+)?$/iu;
export const startsAPeriod = (before: string): boolean => STARTS_PERIOD.test(before.slice(-40));

/**
 * A past verb right before its date ("launched on 7 November, will spend…", "the mayor said
 * Tuesday he plans to visit", "told reporters on Monday that talks would resume") dates a past act,
 * whatever the clause it introduces announces; so does a participle with its agent ("the bridge,
 * damaged by drones on Wednesday, will take days to repair", "the depot hit by a missile on Monday").
 * Not a sequel's ("followed by a vote on Thursday", SEQUEL_PHRASE_BEFORE).
 */
const PAST_PARTICIPLE_BEFORE =
  /(?<!\b(?:be|been|being|will|to|is|are|was|were|remain|remains|stay|stays|get|gets)\s+)\b(?:(?:\p{L}{3,}ed|said|told|wrote|met|spoke|gave|made|took|sent|held)\s+(?:(?:reporters|journalists|parliament|lawmakers|the\s+\p{L}+)\s+)?|(?:(?!(?:followed|preceded|capped|topped|accompanied)\s)\p{L}{3,}ed|hit|struck|shot|taken|seen|stolen|beaten|broken|shaken|thrown|blown|torn|caught|brought|sent|held|built|won|found|swept)\s+by\s+(?:[\p{L}'’-]+\s+){1,3})(?:on\s+|late\s+|early\s+)?$/iu;

/**
 * "said it would …", "said it hoped to …", and a second thing said with "and that" ("said bookings
 * were up and that it would …").
 */
const REPORTED_PLAN =
  /\b(?:said|announced|told\s+\S+)\s+(?:[^.;]*\band\s+)?(?:that\s+)?(?:\S+\s+){0,3}(?:would|(?:hoped|aimed|expected|planned|intended)\s+to)\s+[^.;,]*$/i;
/** A saying dated by a year or a period gone by ("said in 2019", "said last month"): not now. "ahead of last year" is a yardstick. */
const PERIOD_WORD =
  /\b(?:(?:19|20)\d{2}|(?<!\b(?:than|from|of|behind|below|above|on)\s+)(?:last|previous)\s+(?:week|month|year))\b/i;
/** A weekday, a month, or a day of a month, written without its year: "on Monday", "in March", "on 3 March". */
const PLANNED_DATE = new RegExp(
  String.raw`^(?:(?:on|in|by)\s+)?(?:${ENGLISH_WEEKDAY}\b|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:${ENGLISH_MONTH})\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?![\p{L}\d]|,?\s+\d{4}))`,
  'iu',
);
const DAY_WORD = new RegExp(
  String.raw`\b(?:${ENGLISH_WEEKDAY_CASED}|[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast\s+night|\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}|\p{Lu}\p{Ll}+\.?\s+\d{1,2}\b)`,
  'u',
);

/**
 * A plan reported in English ("said he would begin talks on Monday", "announced it would decide on
 * Friday", "said it would take delivery of the ferry in March"), with no day, year or period of its
 * own for the saying: the weekday or month is the first one after it, not the nearer one, which on a
 * Wednesday would be two days gone and in October seven months. A saying that gives its own time
 * ("said on Friday he would resign on Monday", "said in 2019 it would open in March") is left to the
 * nearest-date rule.
 */
export function reportedPlanAhead(before: string, text: string): boolean {
  return (
    PLANNED_DATE.test(text) &&
    REPORTED_PLAN.test(before) &&
    !DAY_WORD.test(before) &&
    !PERIOD_WORD.test(before)
  );
}

/** A saying of the past few days (a weekday, yesterday, today, last night), then the plan it reports. */
const RECENT_SAYING_OF_PLAN = new RegExp(
  String.raw`\b(?:said|says|announced|told\s+\S+)\s+(?:on\s+|late\s+|early\s+)?(?:${ENGLISH_WEEKDAY_CASED}|[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast\s+night)\b[^.;]*?\b(?:would|(?:hoped|aimed|expected|planned|intended)\s+to)\s+[^.;,]*$`,
  'u',
);

/**
 * A plan reported with its saying's day, when that day is of the past week ("told parliament on
 * Tuesday that elections would be held in October"): the plan lies after the saying, so a month or
 * day read as long gone ("October" as last October, seven months back in May) is the coming one.
 * The caller asks only of a reading more than a week gone: the plan's own day may have passed since.
 */
export const planOfRecentSaying = (before: string, text: string): boolean =>
  PLANNED_DATE.test(text) && RECENT_SAYING_OF_PLAN.test(before) && !PERIOD_WORD.test(before);

/**
 * A Romance participle set off by a comma right before its date ("Les négociations, interrompues
 * lundi, doivent reprendre samedi", "El capitán, detenido el lunes, comparecerá el viernes", "Il
 * capitano, arrestato lunedì, comparirà venerdì", "O comandante, detido na segunda-feira, será
 * ouvido"): the participle's act is past, whatever the main verb announces. Participles that book a
 * date ("prévue lundi", "prevista el lunes", "rinviata a lunedì", "marcada para") are not.
 */
const BOOKING_PARTICIPLE =
  '(?:prévu|programm|fixé|attendu|reporté|repoussé|décalé|convoqu|annonc|previst|programad|fijad|aplazad|pospuest|convocad|anunciad|señalad|agendad|esperad|fissat|rinviat|convocat|annunciat|attes|marcad|adiad)';
const PARTICIPLE_APPOSITION = new RegExp(
  String.raw`,\s+(?!${BOOKING_PARTICIPLE}\p{L}*\s)\p{L}{3,}(?:é|ée|és|ées|ie|ies|ue|ues|[ai]d[oa]s?|[aiu]t[oaie])\s+(?:le\s+|ce\s+|el\s+|na\s+|no\s+|em\s+|il\s+)?$`,
  'iu',
);

/**
 * A past verb right before its date in the other languages ("avait annoncé vendredi qu'il
 * contesterait", "hatte am Freitag angekündigt, er würde", "ha detto venerdì che avrebbe",
 * "anunciou na sexta-feira que iria", "dijo el lunes que presentará"): the saying is past, though the
 * plan it reports reads as a future, seen from the past or not. Not for a clause already past.
 */
const PAST_VERB_BEFORE = byLanguage(
  {
    fr: String.raw`(?:a|ont|avait|avaient)\s+(?:${BETWEEN_AUXILIARY_FR})?(?!lieu\s)\p{L}+(?:é|i|u|is|it)(?:e|s|es)?\s+(?:le\s+|ce\s+)?`,
    de: String.raw`(?:hat|haben|hatte|hatten)\s+(?:[\p{L}-]+\s+){0,2}(?:(?:am|vom)\s+)?`,
    it: String.raw`(?:ha|hanno|aveva|avevano)\s+\p{L}+(?:at|ut|it)[oaie]\s+(?:il\s+)?`,
    pt: String.raw`\p{L}{2,}(?:ou|eu|iu|aram|eram|iram)\s+(?:na\s+|no\s+|em\s+)?`,
    es: String.raw`(?:\p{L}{3,}(?:ó|aron|ieron)|dijo|dijeron|(?:ha|han)\s+\p{L}+(?:ad|id)o)\s+(?:el\s+|este\s+)?`,
  },
  (verb) => new RegExp(`(?<!\\p{L})${verb}$`, 'iu'),
);

/** The sentence's tense, corrected by what the words right before a date say about it. */
/**
 * A thing named by its date ("l'avarie du 2 novembre", "la avería del 2 de noviembre", "the attacks
 * of 7 October", "die Panne vom 2. November"): the date is the thing's, not the clause's, and a
 * future clause around it ("immobilisé depuis l'avarie du 2 novembre, reprendra lundi") does not
 * send it a year ahead. It reads nearest to publication.
 */
const NAMED_BY_DATE = /(?<!\p{L})\p{L}{3,}\s+(?:du|del|of|vom)\s+$/iu;

/**
 * The act a person is accused, charged, convicted or suspected of ("The man accused of killing two
 * people at the bar early Saturday will stay in jail", "charged with setting the fire on Monday"):
 * an act gone by, whatever the sentence announces for the accused. Up to the next verb or clause.
 */
const ACCUSED_OF =
  /\b(?:accused|charged|convicted|suspected|indicted|arrested|jailed|wanted|sentenced|acquitted|cleared)\s+(?:of|with|for|over|in\s+connection\s+with)\s+(?:(?!\b(?:and|but|or|will|would|shall|is|are|was|were|to|who|which|that)\b)[^,;.]){1,70}$/iu;

export function framedTense(before: string, tense: Tense, language?: string): Tense {
  const near = before.slice(-80);
  if (tense === 'past' && APPOINTMENT.test(near)) return 'present';
  if (tense === 'future' && NAMED_BY_DATE.test(near)) return 'present';
  if (
    tense !== 'past' &&
    (PAST_PARTICIPLE_BEFORE.test(near) || PARTICIPLE_APPOSITION.test(near) || ACCUSED_OF.test(near))
  )
    return 'past';
  // A future in what was said ("a déclaré mardi que la réforme sera présentée") is not the saying's.
  if (tense !== 'past' && PAST_VERB_BEFORE[primary(language)]?.test(near)) return 'past';
  return tense;
}

/**
 * The present of a fixture or a timetable right before its date ("the new fares take effect Monday",
 * "Brill host Portside on Wednesday", "the trial resumes on Tuesday"): news writes what is scheduled
 * in the simple present, so the day is the coming one, not the nearer one gone by. Not in a list,
 * whose present is historical (FindOptions.presentAs).
 */
const SCHEDULED_PRESENT =
  /\b(?:takes?\s+effect|begins?|starts?|opens?|re-?opens?|resumes?|ends|closes?|hosts?|faces?|plays?|travels?|arrives?|returns?|expires?|kicks?\s+off|go(?:es)?\s+on\s+sale|go(?:es)?\s+to\s+the\s+polls|heads?\s+to\s+the\s+polls|go(?:es)?\s+on\s+trial|go(?:es)?\s+to\s+(?:a\s+)?(?:vote|trial))\s+(?:[\p{L}'’-]+\s+){0,6}(?:on\s+)?$/iu;

/**
 * An agenda's verbs, which are nouns too ("a confidence vote on Tuesday", "the debates on Friday"): only
 * in the third person, right before the date, and not after a word that makes them a noun.
 */
const AGENDA_PRESENT =
  /(?<!\b(?:the|a|an|its|their|his|her|this|that|these|those|of|confidence|budget|no|track)\s+)\b(?:meets|convenes|votes|debates|takes\s+on|welcomes)\s+(?:[\p{L}'’-]+\s+){0,2}(?:on\s+)?$/iu;

/**
 * The same present in the other languages read: "le procès s'ouvre lundi", "el juicio comienza el
 * lunes", "il processo si apre lunedì", "o julgamento começa na segunda-feira", "der Prozess beginnt
 * am Montag", and what ends or takes effect so. The verb right before its date, a few words between.
 * An agenda's verbs only in forms no noun shares: French "vote" is also the vote, German "Stimmen" the
 * votes and "Tagen" days.
 */
const SCHEDULED_VERBS: Record<string, string> = {
  fr: "se\\s+réunit|se\\s+réunissent|se\\s+rend|votent|commencent|commence|débutent|débute|s['’]ouvrent|s['’]ouvre|reprennent|reprend|entrent\\s+en\\s+vigueur|entre\\s+en\\s+vigueur|se\\s+terminent|se\\s+termine|s['’]achève|prend\\s+fin|expire",
  es: 'se\\s+reúne|se\\s+reúnen|vota|votan|viaja|comienzan|comienza|empiezan|empieza|arrancan|arranca|se\\s+abre|se\\s+reanuda|entran?\\s+en\\s+vigor|terminan|termina|concluye|vence|expira',
  it: 'si\\s+riunisce|si\\s+riuniscono|vota|votano|iniziano|inizia|cominciano|comincia|si\\s+apre|riprende|entrano?\\s+in\\s+vigore|terminano|termina|scade|si\\s+chiude',
  pt: 'começam|começa|arrancam|arranca|reabre|retoma|entram?\\s+em\\s+vigor|terminam|termina|acaba|expira',
  de: 'beginnen|beginnt|starten|startet|öffnet|endet|enden|stimmt|tagt|trifft\\s+sich|treffen\\s+sich',
};
const SCHEDULED_ELSEWHERE = byLanguage(
  SCHEDULED_VERBS,
  (verbs) => new RegExp(`(?<!\\p{L})(?:${verbs})\\s+(?:[\\p{L}'’-]+\\s+){0,3}$`, 'iu'),
);
/** A weekday or a written day in each language: "aujourd'hui", "heute" are now, and stay so. */
const SCHEDULED_DAY_ELSEWHERE = byLanguage(
  { ...ROMANCE_WEEKDAYS, de: GERMAN_WEEKDAYS },
  (names) => new RegExp(`\\d|(?<!\\p{L})(?:${names.join('|')})`, 'iu'),
);

/** A weekday or a written day after such a present; "takes effect today" is now, and stays so. */
const SCHEDULED_DAY = new RegExp(String.raw`\d|\b(?:${ENGLISH_WEEKDAY})\b`, 'i');

/**
 * The third-person present of a timetable verb right before its date, in a clause of a past sentence
 * ("voted to approve a budget for the fiscal year that begins July 1", "said the trial opens
 * Monday"): that form is never past, so the date is ahead whatever verb the sentence began with.
 */
const TIMETABLE_VERB_BEFORE =
  /\b(?:takes\s+effect|begins|starts|opens|reopens|resumes|expires|kicks\s+off)\s+(?:on\s+)?$/i;
export const isTimetabledAhead = (before: string, text: string, language: string) =>
  language === 'en' && SCHEDULED_DAY.test(text) && TIMETABLE_VERB_BEFORE.test(before);
export const isScheduledPresent = (before: string, text: string, language: string) => {
  if (language === 'en')
    return (
      SCHEDULED_DAY.test(text) &&
      (SCHEDULED_PRESENT.test(before.slice(-60)) || AGENDA_PRESENT.test(before.slice(-60)))
    );
  return (
    !!SCHEDULED_ELSEWHERE[language]?.test(before.slice(-60)) &&
    !!SCHEDULED_DAY_ELSEWHERE[language]?.test(text)
  );
};
