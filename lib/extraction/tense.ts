import { ENGLISH_MONTH } from './month-names.ts';
import { ENGLISH_WEEKDAY, ENGLISH_WEEKDAY_CASED } from './weekday.ts';
/**
 * How a clause frames its date. News reports in the past tense and announces in the future; a clause
 * with neither ("the runoff on 3 November", "the window opens on 26 February") takes the reading
 * nearest to publication.
 */
export type Tense = 'past' | 'future' | 'present';

const FUTURE_ANY = [
  String.raw`\b(?:will|shall|is|are)\s+(?:not\s+)?(?:now\s+)?(?:be\s+)?(?:scheduled|due|set|expected|planned|slated)\s+(?:to|for|on|in|at)\b`,
  String.raw`\bwill\b|\bshall\b|\bwon't\b|\bto be\b|\bupcoming\b|\bplans? to\b|\bintends? to\b|\bgoing to\b|\bis due\b|\bare due\b`,
];

/**
 * An obligation is ahead of its saying ("must be repaired by Tuesday", "has to approve the fares on
 * Tuesday", "should reopen on Monday"); "must have" and "should have" infer or regret a past act.
 * Weaker than "will": it governs a date only in its own words, with no comma between ("should call
 * 101, quoting incident 0412 of 19 October" books no 19 October ahead).
 */
const OBLIGATION = String.raw`\b(?:must|should|ought to|(?:has|have|needs?) to)\s+(?:not\s+)?(?!have\b)\p{L}`;
const OBLIGATION_MARKER = new RegExp(OBLIGATION, 'iu');
const OBLIGED_BEFORE = new RegExp(`${OBLIGATION}[^,;:()"“”]*$`, 'iu');
const FUTURE_BY_LANGUAGE: Record<string, string[]> = {
  // "ist für Freitag geplant", "sind für den 4. Dezember angesetzt": a plan stated in the present, whose
  // participle would otherwise read as the perfect.
  de: [
    String.raw`\b(?:wird|werden|soll|sollen|will|wollen)\b`,
    String.raw`(?<!\p{L})(?:ist|sind)\s(?:[^;]*\s)?(?:geplant|angesetzt|vorgesehen|terminiert)(?!\p{L})`,
  ],
  fr: [
    String.raw`(?<!\p{L})(?:aura lieu|se tiendra|va|vont|sera|seront|doit|doivent)(?!\p{L})`,
    String.raw`\p{L}{3,}(?:era|eront|ira|iront)(?!\p{L})`,
    // Futures not built on "-er"/"-ir": "-re" verbs ("prendra", "mettra", "répondra") and the
    // irregular stems news uses most ("recevra", "devra", "pourra", "viendra", "fera", "aura", "saura").
    String.raw`(?<!\p{L})(?!(?:extra|ultra|contra|sandra|alexandra)(?!\p{L}))\p{L}{2,}(?:dra|dront|tra|tront|vra|vront|rra|rront)(?!\p{L})|(?<!\p{L})(?:fera|feront|aura|auront|saura|sauront|faudra)(?!\p{L})`,
  ],
  es: [String.raw`\b(?:va a|van a)\b`, String.raw`\p{L}{2,}(?:rá|rán)(?!\p{L})`],
  // "tornerà", "riprenderanno", "sarà": the future ends in a stressed -rà, -ranno in every conjugation.
  it: [String.raw`\p{L}{2,}(?:rà|ranno)(?!\p{L})`],
  pt: [String.raw`(?<!\p{L})(?:vai|vão|irá|irão)(?!\p{L})`, String.raw`\p{L}{2,}(?:rá|rão)(?!\p{L})`],
  uk: [
    String.raw`(?:^|\s)(?:буде|будуть|відбудеться|відбудуться)(?=[\s,.]|$)`,
    String.raw`\p{L}{3,}(?:тиме|тимуть)(?=[\s,.]|$)`,
  ],
  ru: [String.raw`(?:^|\s)(?:будет|будут|состоится|состоятся)(?=[\s,.]|$)`],
  // The future suffix, before any person or case ending: "yapılacak", "açıklayacağını", "gelecek".
  tr: [String.raw`\p{L}{2,}(?:ecek|acak|eceğ|acağ)\p{L}*`],
};

/** Simple past forms; participles used as adjectives ("the scheduled vote") are left out. */
const PAST_EN =
  /\b(?:was|were|had|did|said|told|went|began|met|ran|won|took|came|fell|rose|held|left|made|saw|gave|struck|led|sent|found|became|brought|broke|fought|lost|paid|sold|spoke|stood|wrote|thought|knew|drove|flew|grew|threw|chose|froze|hid|sank|swam|sang|bought|caught|taught|built|spent|felt|kept|slept|meant|heard|understood|withdrew|overtook|quit|shut|fled|laid|got|ate|drew|dug|rode|rang|sat|slid|stole|tore|wore|woke|wept|sprang|spun|swore|swung|blew|bled|bent|crept|drank|forgot|forgave|forbade|knelt|leapt|shone|shrank|upheld|withheld|undertook|underwent|oversaw|overthrew|rebuilt|foresaw|mistook|arose|awoke|strode|strove|sped|(?<!\b(?:could|may|might|to|will|would|can|should|must|not|does|do)\s)hit|(?<!\b(?:could|may|might|to|will|would|can|should|must|not|does|do|a|the|its|their)\s)(?:burst|spread|split|hurt)|sought|swept|shook|dealt|(?!(?:scheduled|expected|planned|proposed|delayed|postponed|rescheduled|based|related|united|limited|advanced|armed|detailed|interested|concerned|qualified|listed|registered|alleged|so-called|need|seed|speed|feed|bed|red|shed|hundred)\b)\p{L}{2,}ed)(?![\p{L}\p{M}\d_])/iu;
/**
 * The German simple past news is written in ("erklärte am Freitag", "nahm … fest", "trat … zurück"):
 * the strong forms of common news verbs, the weak ones by their stems plus -te(n), and every -ierte(n).
 * Forms that are also nouns ("Stand", "Schloss", "Griff", "Bot", "Floh") are left out.
 */
const PRETERITE_DE =
  /(?<!\p{L})(?:(?:trat|nahm|gab|fand|fiel|brach|schlug|traf|sprach|stieg|lag|ließ|hielt|rief|zog|verlor|gewann|entschied|beschloss|erhielt|verließ|blieb|schrieb|wies|starb|bat|flog|fuhr|lief|sank|sah|saß|warf|erschien|verschwand|gelang|geschah|übernahm|entließ|unterschrieb|verbot|empfahl|begannen|kamen|gingen|standen|flohen|schlossen)(?:en)?|(?:nann|brach|dach|kann|wuss|muss|konn|woll)ten?)(?!\p{L})/iu;
/**
 * The weak forms and every -ierte(n), unless an article, a number or a preposition comes right before:
 * then the form is a participle used as an adjective or a noun ("die beschädigte Brücke", "zu den
 * Verletzten", "zwei evakuierte Dörfer"), which tells no tense.
 */
const WEAK_PRETERITE_DE =
  /(?<!\p{L})(?<!(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|zwei|drei|vier|viele|mehrere|alle|keine|schwer|leicht|zu|zum|zur|von|vom|mit|bei|für|nach|\d)\s+)(?:(?:erklär|teil|meld|berichte|bestätig|kündig|forder|stell|leg|führ|mach|zeig|setz|eröffne|stürz|wähl|unterzeichne|besuch|reis|lande|erreich|verhafte|töte|koste|dauer|warn|lehn|räum|stopp|starte|ende|scheiter|äußer|beton|verkünde|veröffentlich|einig|verabschiede|stimm|erleb|brauch|such|frag|antworte|glaub|hoff|rette|verhäng|verkauf|kauf|zerstör|beschädig|verletz|erschütter|überflute|zahl|spiel|sieg|erlaub|ordne|richte|mein|plan|droh|schätz|lös|ernann)ten?|\p{L}{3,}ierten?)(?!\p{L})/iu;

// Word edges are letters, not \b: "écarté", "ocurrió" end in letters \b does not know.
const PAST_BY_LANGUAGE: Record<string, RegExp> = {
  // The perfect with a participle that takes no ge- ("hat … entlassen", "ist … verunglückt", "hat … informiert").
  de: new RegExp(
    String.raw`(?<!\p{L})(?:war|waren|wurde|wurden|hatte|hatten|kam|ging|begann|sagte)(?!\p{L})|(?<!\p{L})ge\p{L}{3,}(?:t|en)(?!\p{L})|(?<!\p{L})(?:hat|haben|ist|sind)\s(?:[^.,;]*\s)?(?:(?:be|ent|er|ver|zer|emp)\p{L}{2,}(?:t|en)|\p{L}{3,}iert)(?!\p{L})|${PRETERITE_DE.source}|${WEAK_PRETERITE_DE.source}`,
    'iu',
  ),
  // The passé composé with "avoir", and with "être": a reflexive verb ("s'est rendu", "s'est effondré",
  // "se sont réunis") or a verb of coming and going ("est arrivé", "sont partis", "est mort").
  fr: /(?<!\p{L})(?:a|ont|avait|avaient|aurait|auraient|était|étaient|fut)\s+(?:été\s+)?\p{L}+(?:é|ée|és|ées|i|u|is|it)(?!\p{L})|(?<!\p{L})(?:s['’]|se\s+)(?:est|sont|était|étaient)\s+\p{L}+(?:é|ée|és|ées|i|ie|is|ies|it|ite|u|ue|us|ues|t|te|ts)(?!\p{L})|(?<!\p{L})(?:est|sont|était|étaient|serait|seraient)\s+(?:(?:ven|allé|arrivé|parti|entré|sorti|tombé|né|décédé|resté|retourné|devenu|revenu)(?:e|s|es)?|morte?s?|venus?|venues?)(?!\p{L})/iu,
  // The regular preterite, and the irregular ones news uses most ("dijo", "hizo", "detuvo", "produjo").
  es: /(?<!\p{L})\p{L}{3,}(?:ó|aron|ieron)(?!\p{L})|(?<!\p{L})(?:fue|fueron|había|habían|dijo|dijeron|hizo|hicieron|dio|dieron|vio|vieron|vinieron|quiso|quisieron|pudo|pudieron|supo|supieron|trajo|trajeron|\p{L}*tuvo|\p{L}*tuvieron|\p{L}*dujo|\p{L}*dujeron|\p{L}+puso|\p{L}*pusieron|\p{L}+dijo)(?!\p{L})/iu,
  // The passato prossimo and the pluperfect ("ha inviato", "è rimasto", "sono stati evacuati", "aveva
  // avuto"), not a participle that books a date ("è previsto per giovedì"); the passato remoto in -ò.
  it: /(?<!\p{L})(?:ha|hanno|aveva|avevano|è|sono|era|erano)\s+(?:stat[oaie]\s+)?(?!(?:previst|programmat|fissat|attes|convocat)[oaie](?!\p{L}))\p{L}{2,}(?:at|ut|it|st|ss|tt)[oaie](?!\p{L})|(?<!\p{L})\p{L}{3,}ò(?!\p{L})/iu,
  pt: /(?<!\p{L})\p{L}{3,}(?:ou|aram|eram|iram)(?!\p{L})|(?<!\p{L})(?:foi|foram|disse|disseram|fez|fizeram|teve|tiveram|esteve|estiveram|deu|deram|veio|vieram|houve|trouxe|trouxeram|pôde|puderam)(?!\p{L})/iu,
  uk: /\p{L}{3,}(?:ла|ли|ло|вся|лася|лися)(?=[\s,.]|$)/iu,
  ru: /\p{L}{3,}(?:ла|ли|ло|лся|лась|лись)(?=[\s,.]|$)/iu,
  // The past suffix closing a verb, with a person ending: "açıkladı", "öldüler", "geldik"; not "şimdi"
  // (now) or "kendi" (self).
  tr: /(?<!\p{L})(?!(?:şimdi|kendi|hadi)(?!\p{L}))\p{L}{2,}(?:dı|di|du|dü|tı|ti|tu|tü)(?:m|n|k|nız|niz|lar|ler)?(?!\p{L})/iu,
};

const primary = (language?: string) => (language ?? 'en').toLowerCase().split('-')[0] ?? 'en';
const futureCache = new Map<string, RegExp>();

function futurePattern(language: string): RegExp {
  let pattern = futureCache.get(language);
  if (!pattern) {
    pattern = new RegExp([...FUTURE_ANY, ...(FUTURE_BY_LANGUAGE[language] ?? [])].join('|'), 'iu');
    futureCache.set(language, pattern);
  }
  return pattern;
}

/**
 * Future seen from the past ("said she would run on 3 November", "agreed to call a vote on 16
 * December"): neither a report nor an announcement.
 */
const FUTURE_IN_PAST =
  /\bwould\b|\bwas (?:due|set|scheduled|expected|supposed) to\b|\b(?:agreed|decided|voted|promised|pledged|vowed|planned)\s+(?:(?:on|late|early)\s+\S+\s+)?to\b/i;
/**
 * The same in the conditional of French ("qu'un train sur trois circulerait vendredi") and German
 * ("dass die Fähre am Freitag fahren würde"). "aurait"/"serait" are left out: with a participle they
 * report a past act at one remove ("aurait tué", "serait arrivé").
 */
const FUTURE_IN_PAST_BY_LANGUAGE: Record<string, RegExp> = {
  fr: new RegExp(
    String.raw`${FUTURE_IN_PAST.source}|(?<!\p{L})(?!(?:aurait|auraient|serait|seraient)(?!\p{L}))\p{L}{2,}(?:rait|raient)(?!\p{L})`,
    'iu',
  ),
  de: new RegExp(String.raw`${FUTURE_IN_PAST.source}|(?<!\p{L})würden?(?!\p{L})`, 'iu'),
};
const futureInPast = (language: string) => FUTURE_IN_PAST_BY_LANGUAGE[language] ?? FUTURE_IN_PAST;

/** Whether a clause announces, reports, or leaves it open: decides which way an unwritten year or weekday goes. */
export function tenseOf(text: string, language?: string): Tense {
  const lang = primary(language);
  if (futurePattern(lang).test(text)) return 'future';
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
  const before = sentence.slice(start, index).trim().split(/\s+/).filter(Boolean).length;
  if (before > 2) return undefined;
  // "Schools reopen on Thursday, the ministry said": the verb after the date is the saying's. A date
  // that opens the sentence ("On Thursday, officials said, the talks collapsed") keeps the rule.
  if (before > 0 && TRAILING_ATTRIBUTION.test(sentence.slice(index + length - 1))) return undefined;
  const rest = withoutQuotedSpeech(sentence.slice(index + length, end));
  const lang = primary(language);
  const future = Math.min(firstMarker(futurePattern(lang), rest), firstMarker(OBLIGATION_MARKER, rest));
  const inPast = firstMarker(futureInPast(lang), rest);
  const past = Math.min(firstMarker(PAST_EN, rest, true), firstMarker(PAST_BY_LANGUAGE[lang], rest));
  const first = Math.min(future, inPast, past);
  if (first === Number.POSITIVE_INFINITY) return undefined;
  return first === future ? 'future' : first === inPast ? 'present' : 'past';
}

/**
 * Clause edges for tense: "X, who won in July, will defend…" holds two tenses, and so does German's
 * "kündigte … einen Streik an, der am Dienstag beginnen soll" (a relative clause, its verb last).
 */
const CLAUSE_BOUNDARY =
  /[;:—–]\s|,\s+(?:and|but|while|whereas|although|though|after|before|because|since|until|unless|who|which|whose|where|when|der|die|das|den|dem|denen|deren|dessen)\s|\s+and\s+/g;

/** An attribution after a comma: one to four words, then a verb of saying ("…, the ministry said"). */
export const ATTRIBUTION = String.raw`,\s+(?:[\p{L}'’-]+\s+){1,4}(?:said|says|told|added|announced|confirmed)`;

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
    `${clauseBeforeAside(sentence, start)} ${framing(sentence.slice(start, index), sentence.slice(index, index + length), language)} ${sentence.slice(index, index + length)} ${after}`,
  );
}

/**
 * The tense of a verb coordinated with the date's clause by "and", for a clause with no tense of its
 * own: "set out alone on Tuesday morning and was reported missing that evening" is past, though "set"
 * reads either way. Undefined when "and" does not follow or its verb tells no tense either.
 */
function coordinatedTense(
  sentence: string,
  [, end]: ClauseSpan,
  language?: string,
): Exclude<Tense, 'present'> | undefined {
  const next = /^\s+and\s+((?:\S+\s+){0,4}\S+)/.exec(sentence.slice(end))?.[1];
  const tense = next === undefined ? 'present' : tenseOf(withoutQuotedSpeech(next), language);
  return tense === 'present' ? undefined : tense;
}

/** Future when an obligation in English governs the date (see OBLIGATION). */
function obligedTense(
  sentence: string,
  index: number,
  [start]: ClauseSpan,
  language?: string,
): Tense | undefined {
  if (primary(language) !== 'en') return undefined;
  return OBLIGED_BEFORE.test(sentence.slice(start, index)) ? 'future' : undefined;
}

/**
 * The tense that governs a date: its clause's verb after the date when the date opens the clause,
 * else the clause's words around it, else the verb "and" joins to a clause with no tense of its own.
 * The clause is found once, for all three.
 */
export function dateTense(sentence: string, index: number, length: number, language?: string): Tense {
  const clause = clauseSpan(sentence, index);
  const read =
    openingTense(sentence, index, length, clause, language) ??
    obligedTense(sentence, index, clause, language) ??
    tenseOf(tenseContext(sentence, index, length, clause, language), language);
  if (read !== 'present') return read;
  return (
    coordinatedTense(sentence, clause, language) ?? followedTense(sentence, index, clause, language) ?? read
  );
}

/**
 * What a clause in the present follows came before it: "Police are appealing for witnesses after a
 * break-in on Friday", "The coast road stays impassable following a landslide on Sunday". The present
 * is now, and what it comes after is gone by; a plan ("will reopen after the inspection on Friday")
 * has a tense of its own and never gets here.
 */
const FOLLOWS = /\b(?:after|following)\s[^,;:()"“”]*$/i;

function followedTense(
  sentence: string,
  index: number,
  [start]: ClauseSpan,
  language?: string,
): Tense | undefined {
  if (primary(language) !== 'en') return undefined;
  return FOLLOWS.test(sentence.slice(start, index)) ? 'past' : undefined;
}

/** Someone's quoted words, closed before the date: "'We will send more troops,' the minister said on Monday". */
const QUOTED_SPEECH = /["“«‘][^"“”«»‘’]{3,}?[,.!?]?["”»’](?=\s*,?\s*\p{Ll})|["“«][^"“”«»]{3,}["”»]/gu;

/** The words around a date without the speech it reports: the quote's tense is the speaker's, not the date's. */
function withoutQuotedSpeech(text: string): string {
  return text.replace(QUOTED_SPEECH, ' ');
}

/**
 * A relative clause set off by commas ("The trial, which opened in May, resumes on 18 November";
 * "Vasko, who takes office on 23 December, called for calm") ends at its closing comma: the main
 * verb after it is not the relative clause's.
 */
const RELATIVE_OPENER = /^,\s+(?:who|which|whose|where|der|die|das|den|dem|denen|deren|dessen)\s$/;

/** Where the clauses of a sentence meet: each edge's start and length. */
function clauseEdges(sentence: string): Array<[number, number]> {
  const edges: Array<[number, number]> = [];
  for (const match of sentence.matchAll(CLAUSE_BOUNDARY)) {
    const at = match.index ?? 0;
    edges.push([at, match[0].length]);
    if (!RELATIVE_OPENER.test(match[0])) continue;
    const close = sentence.indexOf(',', at + match[0].length);
    if (close >= 0) edges.push([close, 1]);
  }
  return edges.sort((a, b) => a[0] - b[0]);
}

/**
 * A clause resumed after an aside between dashes ("the toll stood at 900 — with more injured — as of
 * Sunday"): the clause before the first dash, whose verb the words after the second still belong to.
 */
function clauseBeforeAside(sentence: string, start: number): string {
  const closing = sentence.slice(0, start).match(/[—–]\s$/);
  if (!closing) return '';
  const opening = sentence.slice(0, start - closing[0].length).search(/\s[—–]\s[^—–]*$/);
  return opening > 0 ? clauseAround(sentence, opening) : '';
}

/** Where a clause starts and ends in its sentence. */
export type ClauseSpan = [start: number, end: number];

/** The span of the clause around a position: "ratified on 24 October; the Kremlin is expected to…" is two tenses. */
export function clauseSpan(sentence: string, index: number): ClauseSpan {
  let start = 0;
  let end = sentence.length;
  for (const [at, length] of clauseEdges(sentence)) {
    if (at < index) start = Math.max(start, at + length);
    else if (at > index) {
      end = at;
      break;
    }
  }
  return [start, end];
}

/** The clause around a position, as text. */
export const clauseAround = (sentence: string, index: number): string =>
  sentence.slice(...clauseSpan(sentence, index));

/**
 * What a date is booked for ("called a rally for 7 December", "ahead of the election on 10 November",
 * "avant la présidentielle du 10 novembre", "the new date is 7 November", "was postponed to 20 March",
 * "was first announced to take place on 16 March", "posted the matter for further hearing on 12
 * December", "adjourned the case till 4 March"): the sentence's past tense is its reporting verb's or
 * the move's, so the date takes the reading nearest to publication.
 */
const APPOINTMENT =
  /(?:\b(?:postponed|delayed|deferred|moved|pushed back|brought forward|put off|rescheduled|adjourned|posted|listed)\s+(?:(?:the|its|his|her)\s+(?:matter|case|hearing|trial|plea)\s+)?(?:to|until|till)|\bto take place(?:\s+on)?|\bfor(?:\s+(?:(?:a|the|further|final|next|its|his|her)\s+)?(?:hearing|vote|meeting|talks|debate|trial|sentencing|verdict|ruling|arguments|consideration|discussion)\s+(?:on|in))?|(?<!\p{L})(?:pour|für|para)(?:\s+(?:le|la|den|el))?|\b(?:is|are|est|ist)|(?<!\p{L})(?:ahead of|before|until|avant|vor|bis|en vue)(?!\p{L})[^,;.]{0,50})\s*$/iu;

/**
 * A past verb right before its date ("launched on 7 November, will spend…", "the mayor said
 * Tuesday he plans to visit", "told reporters on Monday that talks would resume") dates a past act,
 * whatever the clause it introduces announces; so does a participle with its agent ("the bridge,
 * damaged by drones on Wednesday, will take days to repair", "the depot hit by a missile on Monday").
 */
const PAST_PARTICIPLE_BEFORE =
  /(?<!\b(?:be|been|being|will|to|is|are|was|were|remain|remains|stay|stays|get|gets)\s+)\b(?:(?:\p{L}{3,}ed|said|told|wrote|met|spoke|gave|made|took|sent|held)\s+(?:(?:reporters|journalists|parliament|lawmakers|the\s+\p{L}+)\s+)?|(?:\p{L}{3,}ed|hit|struck|shot|taken|seen|stolen|beaten|broken|shaken|thrown|blown|torn|caught|brought|sent|held|built|won|found|swept)\s+by\s+(?:[\p{L}'’-]+\s+){1,3})(?:on\s+|late\s+|early\s+)?$/iu;

/** "said it would …", and a second thing said with "and that" ("said bookings were up and that it would …"). */
const REPORTED_PLAN =
  /\b(?:said|announced|told\s+\S+)\s+(?:[^.;]*\band\s+)?(?:that\s+)?(?:\S+\s+){0,3}would\s+[^.;,]*$/i;
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

/**
 * A French participle set off by a comma right before its date ("Les négociations, interrompues
 * lundi, doivent reprendre samedi"): the participle's act is past, whatever the main verb announces.
 * Participles that book a date ("prévue lundi", "reportée à lundi") are not.
 */
const PARTICIPLE_APPOSITION_FR =
  /,\s+(?!(?:prévu|programmé|fixé|attendu|reporté|repoussé|décalé|convoqué|annoncé)(?:e|s|es)?\s)\p{L}{3,}(?:é|ée|és|ées|ie|ies|ue|ues)\s+(?:le\s+|ce\s+)?$/iu;

/** The sentence's tense, corrected by what the words right before a date say about it. */
export function framedTense(before: string, tense: Tense): Tense {
  const near = before.slice(-80);
  if (tense === 'past' && APPOINTMENT.test(near)) return 'present';
  if (tense !== 'past' && (PAST_PARTICIPLE_BEFORE.test(near) || PARTICIPLE_APPOSITION_FR.test(near)))
    return 'past';
  return tense;
}
