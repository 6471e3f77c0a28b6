/**
 * The most frequent function words of each language chrono reads in Latin script, chosen so that no
 * word is common in two of them ("la", "de", "que", "en" are left out): a paragraph of running text
 * holds a dozen of its own language's and almost none of another's.
 */
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and of to is was that for with said has have by at from this are were which',
  de: 'der die das und ist nicht mit auf den dem von sich eine wurde hat auch ein zu im nach',
  fr: 'le les et des du une est dans pour pas qui sur au avec ont été par aux ce sont',
  es: 'el los las y del por con una para se su al fue como más sus pero según tras este',
  it: 'il di che della per gli alla nel non sono è delle dei anche più ma dopo sul questo',
  pt: 'os do da em um uma não é dos no na foi ao pelo pela são mais seu sua',
  nl: 'het een en van dat op te niet met zijn voor door wordt werd ook aan bij naar heeft er',
  tr: 've bir bu için ile olarak olan gibi daha sonra kadar ancak göre değil çok ise ya ki',
};

const LANGUAGE_OF = new Map<string, string>();
for (const [language, words] of Object.entries(FUNCTION_WORDS))
  for (const word of words.split(' ')) LANGUAGE_OF.set(word, LANGUAGE_OF.has(word) ? '' : language);

/** How much text decides: the opening paragraphs say which language the article is in. */
const SAMPLE = 2000;
/** A language wins with this many of its words, and twice as many as the runner-up. */
const MIN_HITS = 5;

/**
 * The language an article is written in, for a feed that declares none (many do not, and a site
 * may publish in several): the language whose function words the opening text is full of, or
 * undefined when none clearly is (short text, a language chrono does not read).
 */
export function detectLanguage(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const word of text
    .slice(0, SAMPLE)
    .toLowerCase()
    .split(/[^\p{L}]+/u)) {
    const language = LANGUAGE_OF.get(word);
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < MIN_HITS || (second && second[1] * 2 > first[1])) return undefined;
  return first[0];
}
