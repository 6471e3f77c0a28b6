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
