import type { DateMention } from './mention.ts';
import { ATTRIBUTION } from './tense-markers.ts';

/** Words that report speech: "said", "wrote in a memo", "told reporters", "a déclaré", "sagte", "dijo". */
export const SPEAKING =
  /(?<!\p{L})(?:said|says|wrote|writes|told|tells|added|tweeted|posted|a\s+(?:déclaré|dit|écrit|ajouté)|sagte|schrieb|erklärte|dijo|escribió|afirmó|añadió)(?!\p{L})/iu;

/** A name: capitalised words, the last of which is kept ("Ines Varga", "Mrs Varga" → "Varga"). */
const NAME = String.raw`(?<!\p{L})\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+)*`;
/** A reporting verb and what may stand between it and its day: "said in a statement on". */
const REPORTED = String.raw`(?:said|told\s+\p{L}+|wrote|announced|added)(?:\s+(?:in|on|to)\s+(?:an?\s+|the\s+)?\p{L}+)?`;
const DAY_WORD = String.raw`(?:on\s+|late\s+|early\s+)?`;

/** "…, Varga said on Wednesday": the name, then its verb, right before the day. */
const SAID_BEFORE = new RegExp(`(${NAME})\\s+${REPORTED}\\s+${DAY_WORD}$`, 'u');
/** "…, Varga on Wednesday said": the name right before the day, its verb right after. */
const NAME_BEFORE = new RegExp(`(${NAME})\\s+${DAY_WORD}$`, 'u');
const SAID_AFTER = new RegExp(`^\\s+${REPORTED}(?!\\p{L})`, 'u');

/**
 * Capitalised words that open a sentence, stand for no one in particular, or end an institution's
 * name: a ministry or an agency speaks on many events a day, a person's words of a day are one
 * statement.
 */
const NOT_A_NAME =
  /^(?:The|A|An|He|She|They|It|We|I|Officials?|Police|Authorities|Reporters|Ministry|Department|Agency|Office|Council|Service|Government|Administration|Authority|Command|Court|House|Nations|Union|Organi[sz]ation|Committee|Commission|Company|Group|Bank|Board|Army|Forces)$/;

/**
 * Who a sentence says spoke on the day it names: "the coast road will reopen in May, Varga said on
 * Wednesday" → "Varga". Undefined when the day is not the day of a named speaker's words.
 */
export function speakerOnDay(sentence: string, mention: { index: number; text: string }): string | undefined {
  const before = sentence.slice(Math.max(0, mention.index - 80), mention.index);
  const after = sentence.slice(mention.index + mention.text.length);
  const name =
    SAID_BEFORE.exec(before)?.[1] ?? (SAID_AFTER.test(after) ? NAME_BEFORE.exec(before)?.[1] : undefined);
  const last = name?.split(/\s+/).at(-1);
  return last && !NOT_A_NAME.test(last) ? last : undefined;
}

/**
 * "Das teilte die Polizei am Montag mit", "Así lo anunció el ministerio el viernes", "Lo ha reso noto
 * la procura", "C'est ce qu'a annoncé le parquet", "This was confirmed by police on Monday": a sentence
 * opening on a pronoun for what was just told, then who told it and when, as agency copy in German,
 * Spanish, Italian and French dates its news.
 */
export const TOLD_JUST_BEFORE = [
  String.raw`^(?:das|dies)\s+(?:teilten?|sagten?|erklärten?|bestätigten?|berichteten?|meldeten?|gaben?|kündigten?)(?!\p{L})`,
  String.raw`^(?:this|that)\s+(?:was|were)\s+(?:announced|confirmed|reported|disclosed|revealed|said)(?!\p{L})`,
  String.raw`^así\s+lo\s+(?:anunció|anunciaron|confirmó|confirmaron|informó|informaron|explicó|indicó|comunicó|aseguró|dijo|afirmó)(?!\p{L})`,
  String.raw`^lo\s+(?:ha|hanno)\s+(?:annunciato|reso\s+noto|comunicato|confermato|detto|riferito)(?!\p{L})`,
  String.raw`^c['’]est\s+ce\s+qu(?:e|['’])`,
].join('|');

/**
 * "He made these remarks on Tuesday", "The announcement came on Friday", "Cette annonce a été faite
 * lundi": a sentence whose news is a speech or decision told before it, by a demonstrative.
 */
const BACK_REFERENCE = new RegExp(
  [
    TOLD_JUST_BEFORE,
    String.raw`(?<!\p{L})(?:this|these|that|those)\s+(?:statement|remarks?|comments?|announcement|decision|news|move|post|message)(?!\p{L})`,
    String.raw`^(?:the|this|that)\s+(?:statement|remarks?|comments?|announcement|decision|news|move)\s+(?:came|was|were)(?!\p{L})`,
    String.raw`(?<!\p{L})(?:cette\s+(?:déclaration|annonce|décision)|ces\s+(?:propos|déclarations))(?!\p{L})`,
    String.raw`(?<!\p{L})(?:esta\s+(?:declaración|decisión)|este\s+anuncio|estas\s+declaraciones)(?!\p{L})`,
    String.raw`(?<!\p{L})diese(?:s|r)?\s+(?:Äußerung|Aussage|Entscheidung|Ankündigung|Erklärung)(?!\p{L})`,
  ].join('|'),
  'iu',
);

/** Words a sentence may have and still be little more than its back-reference and its day. */
const BACK_REFERENCE_WORDS = 14;

/**
 * "The arrest took place on Tuesday", "El ataque se produjo el viernes", "L'explosion s'est produite
 * mardi", "Der Unfall ereignete sich am Montag": a definite noun for a thing, then only that it
 * happened. The thing is one the article names elsewhere (a writer does not introduce news with "the");
 * what follows the verb (the hour, the place, who took part) is more of that thing, so length is no sign
 * of news of its own.
 */
const HAPPENED = new RegExp(
  [
    String.raw`^[\s"“‘'«]*(?:the|this|that)\s+(?:\p{L}+\s+){0,2}?(?:took\s+place|happened|occurred)(?!\p{L})`,
    String.raw`^[\s"“‘'«]*(?:el|la|los|las|este|esta)\s+(?:\p{L}+\s+){0,2}?(?:se\s+produjo|se\s+produjeron|tuvo\s+lugar|ocurrió|sucedió)(?!\p{L})`,
    String.raw`^[\s"“‘'«]*(?:l['’]|le\s+|la\s+|les\s+|cette\s+|ce\s+)(?:\p{L}+\s+){0,2}?(?:a\s+eu\s+lieu|s['’]est\s+produite?|est\s+survenue?|s['’]est\s+déroulée?)(?!\p{L})`,
    String.raw`^[\s"“‘'«]*(?:der|die|das|dieser|diese)\s+(?:\p{L}+\s+){0,2}?(?:ereignete\s+sich|geschah|passierte|fand\s+(?:\p{L}+\s+){0,4}?statt)(?!\p{L})`,
  ].join('|'),
  'iu',
);

/**
 * Whether a sentence only dates something told before it ("Varga made these remarks on Tuesday"):
 * it is that news's account of the day, not a new event.
 */
export function datesNewsToldBefore(sentence: string): boolean {
  return sentence.split(/\s+/).length <= BACK_REFERENCE_WORDS && BACK_REFERENCE.test(sentence);
}

/** A second clause joined on: "…, and rescuers arrived on Tuesday", "…, et les secours sont arrivés". */
const NEXT_CLAUSE = /[,;]\s*(?:and|but|et|mais|y|pero|und|aber)\s|;/iu;

/**
 * A thing named by its day: "Thursday's derailment", "l'offre de mercredi", "la oferta del
 * miércoles", "das Angebot vom Mittwoch". The day is the thing's, told elsewhere in the article; the
 * sentence says something more of it.
 */
const NAMED_BEFORE_ITS_DAY =
  /(?<!\p{L})(?:(?:l['’]|le\s+|la\s+|les\s+)\p{L}+\s+(?:de|du)|(?:el|la|los|las)\s+\p{L}+\s+del?)\s+$/iu;
// Case kept: a German noun is capitalised, and "i" would let \p{Lu} take any letter.
const NAMED_BEFORE_ITS_DAY_DE = /\p{Lu}\p{Ll}+\s+vom\s+$/u;
const DAYS_THING_AFTER = /^['’]s\s+\p{L}/u;

export function namesThingByItsDay(sentence: string, mention: { index: number; text: string }): boolean {
  if (DAYS_THING_AFTER.test(sentence.slice(mention.index + mention.text.length))) return true;
  const before = sentence.slice(Math.max(0, mention.index - 40), mention.index);
  return NAMED_BEFORE_ITS_DAY.test(before) || NAMED_BEFORE_ITS_DAY_DE.test(before);
}

/**
 * Whether a sentence tells only when and how a thing the article names happened (see HAPPENED), by
 * the day it gives: a day in a clause joined after it dates another act.
 */
export function tellsWhenItHappened(sentence: string, mention: { index: number }): boolean {
  const opened = HAPPENED.exec(sentence);
  return !!opened && !NEXT_CLAUSE.test(sentence.slice(opened.index + opened[0].length, mention.index));
}

/**
 * "A man was shot Wednesday night outside a bar, police said Thursday": the day after a trailing
 * attribution is the day the news was told, not a day anything happened, when the sentence dates
 * what happened itself. As the latest day of a lead it took the report's date, and as the story's
 * anchor it moved "at 11:50 p.m." in the next sentence to the telling day.
 */
const TRAILING_SAID = new RegExp(
  String.raw`${ATTRIBUTION}(?:(?<=told)\s+\p{L}+)?(?:\s+in\s+an?\s+(?:statement|release|news\s+release|post|interview))?\s+(?:on\s+|late\s+|early\s+)?$`,
  'iu',
);
const SENTENCE_END =
  /^\s*(?:in\s+an?\s+(?:statement|release|news\s+release|post|interview)\s*)?[.!]?["”’]?\s*$/iu;

const isTrailingSaid = (sentence: string, mention: DateMention) =>
  TRAILING_SAID.test(sentence.slice(Math.max(0, mention.index - 100), mention.index)) &&
  SENTENCE_END.test(sentence.slice(mention.index + mention.text.length));

/**
 * A day inside what names the news's background, not the news: "charged in connection with a
 * shooting that left one dead Sunday night, police said Wednesday" tells a charge, dated by the telling.
 */
const NAMES_BACKGROUND =
  /(?:\b(?:that|which|who)|\bin connection with|\bover|\bfollowing)\s+(?:[^\s,;]+\s+){0,7}$/i;

/** A sentence's dates without the day of its trailing attribution, when another day dates what happened. */
export function withoutTellingDay(sentence: string, mentions: DateMention[]): DateMention[] {
  const telling = mentions.filter(
    (mention) => mention.precision === 'day' && isTrailingSaid(sentence, mention),
  );
  if (!telling.length) return mentions;
  const told = mentions.some(
    (mention) =>
      !telling.includes(mention) &&
      mention.precision === 'day' &&
      mention.tense === 'past' &&
      !NAMES_BACKGROUND.test(sentence.slice(Math.max(0, mention.index - 80), mention.index)),
  );
  return told ? mentions.filter((mention) => !telling.includes(mention)) : mentions;
}
