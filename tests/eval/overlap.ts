/**
 * Function words of the sets' languages (en, de, fr, es, tr): dropped before two quotes are compared,
 * so that "the", "der" or "ve" cannot make two different sentences look alike. Short lists on
 * purpose: the words that carry no content, not every word that is frequent.
 */
const STOP_WORDS = new Set(
  [
    // English
    'a an the and or but of to in on at by for from with as is are was were be been has have had it',
    'its this that these those he she they we his her their who which what said says will would not',
    'no s',
    // German
    'der die das den dem des ein eine einen einem einer und oder aber von zu im in am an auf mit für',
    'als ist sind war wurde wird hat haben sich er sie es nicht dass bei nach über auch',
    // French
    'le la les l un une des du de d et ou mais à au aux en dans sur par pour avec est sont a ont été',
    'il elle ils se s qui que qu ce cette ne pas plus son sa ses',
    // Spanish
    'el la los las un una unos unas y o pero de del a al en con por para es son fue ha han se su sus',
    'que lo le les como más no este esta',
    // Turkish
    've ile bir bu da de için olarak olan gibi ama veya ki çok daha en her o şu ise',
  ].flatMap((line) => line.split(' ')),
);

/** The README's normal form: NFKC, one quote, one apostrophe and one dash, single spaces, lower case. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Content words: letters or digits, function words of any of the languages left out. */
export function contentWords(text: string): Set<string> {
  const words = normalise(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => !STOP_WORDS.has(word)));
}

/** |A ∩ B| / min(|A|, |B|): 1 when one quote's content words all occur in the other. */
export function overlapCoefficient(a: Set<string>, b: Set<string>): number {
  const smaller = a.size <= b.size ? a : b;
  const larger = smaller === a ? b : a;
  if (smaller.size === 0) return 0;
  let shared = 0;
  for (const word of smaller) if (larger.has(word)) shared++;
  return shared / smaller.size;
}
