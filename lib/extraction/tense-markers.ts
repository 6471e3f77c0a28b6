import { IRREGULAR_PAST } from './english-verbs.ts';

/**
 * The words that mark a clause's tense, by language: futures, simple pasts and perfects, plans seen
 * from the past, and English obligations. tense.ts decides with them which way a date lies.
 */
const FUTURE_ANY = [
  String.raw`\b(?:will|shall|is|are)\s+(?:not\s+)?(?:now\s+)?(?:be\s+)?(?:scheduled|due|set|expected|planned|slated)\s+(?:to|for|on|in|at|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b`,
  // "the will was lodged", "his will", "political will": the noun, no future.
  String.raw`(?<!\b(?:the|a|his|her|their|its|my|your|our|whose|this|that|political|free|good|ill|own|last|living)\s)\bwill\b|\bshall\b|\bwon't\b|\bto be\b|\bupcoming\b|\bplans? to\b|\bintends? to\b|\b(?:hopes?|expects?|aims?) to\b|\bgoing to\b|\bis due\b|\bare due\b`,
];

/**
 * An obligation is ahead of its saying ("must be repaired by Tuesday", "has to approve the fares on
 * Tuesday", "should reopen on Monday"); "must have" and "should have" infer or regret a past act.
 * Weaker than "will": it governs a date only in its own words, with no comma between ("should call
 * 101, quoting incident 0412 of 19 October" books no 19 October ahead).
 */
const OBLIGATION = String.raw`\b(?:must|should|ought to|(?:has|have|needs?) to)\s+(?:not\s+)?(?!have\b)\p{L}`;
export const OBLIGATION_MARKER = new RegExp(OBLIGATION, 'iu');
export const OBLIGED_BEFORE = new RegExp(`${OBLIGATION}[^,;:()"“”]*$`, 'iu');
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
  // "está previsto que …", "se prevé": a plan stated in the present.
  es: [
    String.raw`\b(?:va a|van a)\b`,
    String.raw`\p{L}{2,}(?:rá|rán)(?!\p{L})`,
    String.raw`(?<!\p{L})(?:(?:está|están)\s+previst[oa]s?|se\s+prevé)(?!\p{L})`,
  ],
  // "tornerà", "riprenderanno", "sarà": the future ends in a stressed -rà, -ranno in every conjugation.
  it: [
    String.raw`\p{L}{2,}(?:rà|ranno)(?!\p{L})`,
    String.raw`(?<!\p{L})(?:è|sono)\s+(?:previst|programmat|fissat)[oaie](?!\p{L})`,
  ],
  pt: [String.raw`(?<!\p{L})(?:vai|vão|irá|irão)(?!\p{L})`, String.raw`\p{L}{2,}(?:rá|rão)(?!\p{L})`],
  uk: [
    String.raw`(?:^|\s)(?:буде|будуть|відбудеться|відбудуться)(?=[\s,.]|$)`,
    String.raw`\p{L}{3,}(?:тиме|тимуть)(?=[\s,.]|$)`,
  ],
  ru: [String.raw`(?:^|\s)(?:будет|будут|состоится|состоятся)(?=[\s,.]|$)`],
  // The future suffix, before any person or case ending: "yapılacak", "açıklayacağını", "gelecek".
  tr: [String.raw`\p{L}{2,}(?:ecek|acak|eceğ|acağ)\p{L}*`],
};

/**
 * Simple past forms; participles used as adjectives ("the scheduled vote") are left out, and so is a
 * present passive ("when he is sentenced Aug. 15", "the road is closed Monday"): its time is now or ahead.
 */
export const PAST_EN = new RegExp(
  String.raw`\b(?:${IRREGULAR_PAST}|(?<!\b(?:could|may|might|to|will|would|can|should|must|not|does|do)\s)hit|(?<!\b(?:could|may|might|to|will|would|can|should|must|not|does|do|a|the|its|their)\s)(?:burst|spread|split|hurt)|(?<!\b(?:could|may|might|to|will|would|can|should|must|not|does|do|a|the|its|their|is|are|am|be)\s)(?:read|shut|quit)|(?<!\b(?:is|are|am)\s+(?:(?:being|not|also|still|now|then|to\s+be)\s+)?)(?!(?:scheduled|expected|planned|proposed|delayed|postponed|rescheduled|based|related|united|limited|advanced|armed|detailed|interested|concerned|qualified|listed|registered|alleged|so-called|need|seed|speed|feed|bed|red|shed|hundred)\b)\p{L}{2,}ed)(?![\p{L}\p{M}\d_])`,
  'iu',
);
/**
 * The German simple past news is written in ("erklärte am Freitag", "nahm … fest", "trat … zurück"):
 * the strong forms of common news verbs, the weak ones by their stems plus -te(n), and every -ierte(n).
 * Forms that are also nouns ("Stand", "Schloss", "Griff", "Bot", "Floh") are left out.
 */
const PRETERITE_DE =
  /(?<!\p{L})(?:(?:trat|nahm|gab|fand|fiel|brach|schlug|traf|sprach|stieg|lag|ließ|hielt|rief|zog|verlor|gewann|entschied|beschloss|erhielt|verließ|blieb|schrieb|wies|starb|bat|flog|fuhr|lief|sank|sah|saß|warf|erschien|verschwand|gelang|geschah|übernahm|entließ|unterschrieb|verbot|empfahl|begannen|kamen|gingen|standen|flohen|schlossen|barg|schoss|sprang|ertrank|versank|stieß)(?:en)?|(?:brann|rann)ten?|(?:nann|brach|dach|kann|wuss|muss|konn|woll)ten?)(?!\p{L})/iu;
/**
 * The weak forms (with an inseparable prefix too: "besetzten", "verlegte") and every -ierte(n), unless
 * an article, a number or a preposition comes right before: then the form is a participle used as an
 * adjective or a noun ("die beschädigte Brücke", "zu den Verletzten", "zwei evakuierte Dörfer"), which
 * tells no tense. Only a whole word before counts: "Die Behörden meldeten" ends "den" and is a subject.
 */
const WEAK_PRETERITE_DE =
  /(?<!\p{L})(?<!(?:(?<!\p{L})(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|zwei|drei|vier|viele|mehrere|alle|keine|schwer|leicht|zu|zum|zur|von|vom|mit|bei|für|nach)|\d)\s+)(?:(?:be|er|ver|zer|ent|über|unter)?(?:erklär|teil|melde|ereigne|krach|rutsch|kenter|stürm|spreng|flücht|prall|handel|wechsel|sammel|ermittel|urteil|zeichne|nutz|folg|dank|lob|dräng|schick|bau|öffne|kehr|hol|leb|arbeite|höh|senk|lösch|prüf|hör|deck|zähl|reich|beobachte|warte|fehl|kämpf|feier|siegel|berichte|bestätig|kündig|forder|stell|leg|führ|mach|zeig|setz|eröffne|stürz|wähl|unterzeichne|besuch|reis|lande|erreich|verhafte|töte|koste|dauer|warn|lehn|räum|stopp|starte|ende|scheiter|äußer|beton|verkünde|veröffentlich|einig|verabschiede|stimm|erleb|brauch|such|frag|antworte|glaub|hoff|rette|verhäng|verkauf|kauf|zerstör|beschädig|verletz|erschütter|überflute|zahl|spiel|sieg|erlaub|ordne|richte|mein|plan|droh|schätz|lös|ernann)ten?|\p{L}{3,}ierten?)(?!\p{L})/iu;

/**
 * Nouns that begin like a participle ("ge…t", "ge…en") and are common in news: "das Gericht", "die
 * Gewalt", "der Geheimdienst", "die Gemeinden". With every "-heit", "-keit", "-schaft" ("die
 * Gewerkschaft", "die Gesellschaft"), they tell no tense.
 */
const GE_NOUNS =
  '(?:gericht|gewalt|gebiet|geschäft|geheimdienst|gebäude|gemeinde|gegend|gefangene|gesetz|gefecht|gesicht|gewicht|gestalt|gehalt|geburt|gegenwart|gerücht)(?:e|en|er|ern|n|s|es)?';

/**
 * What French sets between an auxiliary and its participle: "a également ouvert", "a de son côté
 * annoncé", "ont déjà quitté", "a pour sa part confirmé". The perfect is still the perfect.
 */
export const BETWEEN_AUXILIARY_FR = String.raw`(?:(?:également|aussi|déjà|finalement|enfin|notamment|alors|ensuite|aussitôt|immédiatement|rapidement|officiellement|formellement|encore|pourtant|toutefois|cependant|d['’]ailleurs|en outre|de son côté|de leur côté|pour sa part|pour leur part|lui aussi|elle aussi|eux aussi|elles aussi|lui-même|elle-même)\s+){1,2}`;
// Word edges are letters, not \b: "écarté", "ocurrió" end in letters \b does not know.
export const PAST_BY_LANGUAGE: Record<string, RegExp> = {
  // The perfect with a participle that takes no ge- ("hat … entlassen", "ist … verunglückt", "hat … informiert").
  de: new RegExp(
    String.raw`(?<!\p{L})(?:war|waren|wurde|wurden|hatte|hatten|kam|ging|begann|sagte)(?!\p{L})|(?<!\p{L})(?!${GE_NOUNS}(?!\p{L}))ge\p{L}{3,}(?:t|en)(?<!(?:heit|keit|schaft)(?:en)?)(?!\p{L})|(?<!\p{L})(?:hat|haben|ist|sind)\s(?:[^.,;]*\s)?(?:(?:be|ent|er|ver|zer|emp)\p{L}{2,}(?:t|en)|\p{L}{3,}iert|(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zu|zurück|statt|teil|frei|los|um|durch|zusammen|bekannt|fort|hoch|heim)ge\p{L}{2,}(?:t|en))(?!\p{L})|${PRETERITE_DE.source}|${WEAK_PRETERITE_DE.source}`,
    'iu',
  ),
  // The passé composé with "avoir" (not "a lieu", which takes place now), and with "être": a reflexive
  // verb ("s'est rendu", "s'est effondré", "se sont réunis") or a verb of coming and going ("est
  // arrivé", "sont partis", "est mort").
  fr: new RegExp(
    String.raw`(?<!\p{L})(?:a|ont|avait|avaient|aurait|auraient|était|étaient|fut)\s+(?:${BETWEEN_AUXILIARY_FR})?(?:été\s+)?(?!lieu(?!\p{L}))\p{L}+(?:é|ée|és|ées|i|u|û|is|it|erte?s?|einte?s?|ointe?s?)(?!\p{L})|` +
      String.raw`(?<!\p{L})(?:s['’]|se\s+)(?:est|sont|était|étaient)\s+\p{L}+(?:é|ée|és|ées|i|ie|is|ies|it|ite|u|ue|us|ues|t|te|ts)(?!\p{L})|(?<!\p{L})(?:est|sont|était|étaient|serait|seraient)\s+(?:(?:ven|allé|arrivé|parti|entré|sorti|tombé|né|décédé|resté|retourné|devenu|revenu)(?:e|s|es)?|morte?s?|venus?|venues?)(?!\p{L})`,
    'iu',
  ),
  // The regular preterite, the imperfect of "-ar" verbs ("buscaba", "se desplomaban"), and the
  // irregular preterites news uses most ("dijo", "hizo", "detuvo", "produjo").
  es: /(?<!\p{L})\p{L}{3,}(?:ó|aron|ieron|aba|aban)(?!\p{L})|(?<!\p{L})(?:ha|han|he|hemos|había|habían)\s+(?:sido\s+)?(?!(?:previst|programad|fijad|aplazad|pospuest|convocad|señalad|agendad|esperad)[oa]s?(?!\p{L}))(?:\p{L}{2,}(?:ad|id)[oa]s?|dicho|hecho|muert[oa]s?|puesto|vuelto|abierto|escrito|roto|visto|resuelto|cubierto|descubierto|impuesto|propuesto|dispuesto)(?!\p{L})|(?<!\p{L})(?:fue|fueron|había|habían|dijo|dijeron|hizo|hicieron|dio|dieron|vio|vieron|vinieron|quiso|quisieron|pudo|pudieron|supo|supieron|trajo|trajeron|\p{L}*tuvo|\p{L}*tuvieron|\p{L}*dujo|\p{L}*dujeron|\p{L}+puso|\p{L}*pusieron|\p{L}+dijo)(?!\p{L})/iu,
  // The passato prossimo and the pluperfect ("ha inviato", "è rimasto", "sono stati evacuati", "aveva
  // avuto"), not a participle that books a date ("è previsto per giovedì"); the passato remoto in -ò.
  it: /(?<!\p{L})(?:ha|hanno|aveva|avevano|è|sono|era|erano)\s+(?:stat[oaie]\s+)?(?!(?:previst|programmat|fissat|attes|convocat)[oaie](?!\p{L}))(?:\p{L}{2,}(?:at|ut|it|st|ss|tt)[oaie]|(?!(?:pront|molt|alt|tant|cert|fort|quant|sant|ross|gross|spess|stess|pens|cors|vers|fals)[oaie](?!\p{L}))\p{L}{2,}(?:s|rt|nt|lt)[oaie])(?!\p{L})|(?<!\p{L})\p{L}{3,}ò(?!\p{L})/iu,
  // The preterite ("anunciou", "morreu", "partiu"; not the nouns "museu", "europeu", "liceu"), the
  // pluperfect's auxiliary ("tinha partido", "havia sido detido") and the irregular forms news uses most.
  pt: /(?<!\p{L})\p{L}{3,}(?:ou|aram|eram|iram)(?!\p{L})|(?<!\p{L})(?!(?:museu|europeu|apogeu|coliseu|judeu|plebeu|hebreu|liceu|camafeu|pneu|ateu)(?!\p{L}))\p{L}{2,}(?:eu|iu)(?!\p{L})|(?<!\p{L})(?:foi|foram|tinha|tinham|havia|haviam|disse|disseram|fez|fizeram|teve|tiveram|esteve|estiveram|deu|deram|veio|vieram|houve|trouxe|trouxeram|pôde|puderam)(?!\p{L})/iu,
  uk: /\p{L}{3,}(?:ла|ли|ло|вся|лася|лися)(?=[\s,.]|$)/iu,
  ru: /\p{L}{3,}(?:ла|ли|ло|лся|лась|лись)(?=[\s,.]|$)/iu,
  // The past suffix closing a verb, with a person ending: "açıkladı", "öldüler", "geldik"; not "şimdi"
  // (now), "kendi" (self), "sandık" (ballot box), "artık", "ordu", "bütün". "-tı/-ti" follows a
  // consonant in the past ("gitti", "yaptı"), a vowel in a noun's case ("şirketi", "hükümeti"); and the
  // first and second person singular ("-dım", "-dın") are left out, as news rarely writes them and
  // "yardım", "eğitim", "kadın" end so.
  tr: /(?<!\p{L})(?!(?:şimdi|kendi|hadi|sandık|artık|ordu|bütün)(?!\p{L}))\p{L}{2,}(?:dı|di|du|dü|(?<![aeıioöuüâîû])(?:tı|ti|tu|tü))(?:k|nız|niz|nuz|nüz|lar|ler)?(?!\p{L})/iu,
};

/** The Turkish pluperfect ("bildirmişti", "yapılmıştı"), not the formal perfect "-miştir". */
/**
 * An attribution after a comma, up to its verb of saying: one to five words, initials and titles
 * with their dots among them (", police said", ", Gov. Jane Roe announced", ", the ministry told").
 */
export const ATTRIBUTION = String.raw`,\s+(?:[\p{L}'’.-]+\s+){1,5}(?:said|says|told|added|announced|confirmed|reported)`;

export const TURKISH_PLUPERFECT = String.raw`(?<!\p{L})\p{L}+?(?:miş|mış|muş|müş)(?:ti|tı|tu|tü)(?:k|m|n|lar|ler|niz|nız)?(?!\p{L})`;

export const primary = (language?: string) => (language ?? 'en').toLowerCase().split('-')[0] ?? 'en';
const futureCache = new Map<string, RegExp>();

/**
 * French, Spanish, Italian and Portuguese mark the future by the verb's ending ("reviendra",
 * "volverá"), and a name may end the same way ("la maire de Valera", "Paul Ferrera", "dell'Aurora").
 * A capitalised word inside a sentence is a name in these languages, never the verb: it is masked,
 * letter for letter so that positions hold, before the future is looked for.
 */
const FUTURE_BY_ENDING = new Set(['fr', 'es', 'it', 'pt']);
const NAME_INSIDE = /(?<=\S\s+(?:\p{Ll}{1,4}['’])?)\p{Lu}[\p{L}’'-]*/gu;
export const withoutNames = (text: string, language: string): string =>
  FUTURE_BY_ENDING.has(language) ? text.replace(NAME_INSIDE, (name) => 'N'.repeat(name.length)) : text;

export function futurePattern(language: string): RegExp {
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
  /\bwould\b|\bwas (?:due|set|scheduled|expected|supposed) to\b|\b(?:agreed|decided|voted|promised|pledged|vowed|planned|hoped|expected|aimed|intended)\s+(?:(?:on|late|early)\s+\S+\s+)?to\b/i;
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
export const futureInPast = (language: string) => FUTURE_IN_PAST_BY_LANGUAGE[language] ?? FUTURE_IN_PAST;
