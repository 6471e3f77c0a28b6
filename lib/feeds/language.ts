/** A BCP 47 tag as feeds.yaml takes it: "en", "de-DE", "pt-BR". */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

// [^<>]: a root tag's attributes hold no '<'; [^>] ran to the document's end from every `<feed`
// left unclosed (20,000 of them, 120 KB, took 6.4 s).
const DECLARED = [
  /<(?:dc:)?language>\s*([^<\s]+)\s*</,
  /<(?:\w+:)?feed\b[^<>]*\sxml:lang\s*=\s*["']([^"']+)["']/,
  /\sxml:lang\s*=\s*["']([^"']+)["']/,
];

/**
 * The language a feed document declares: RSS `<language>` or `<dc:language>`, else the Atom root's
 * `xml:lang` (else the first `xml:lang` anywhere). Used when ops did not set `language` for the feed,
 * so a German feed's "am Dienstag" is read as German without anyone having to say so.
 */
export function declaredLanguage(xml: string): string | undefined {
  for (const pattern of DECLARED) {
    const tag = pattern.exec(xml)?.[1];
    if (tag) return LANGUAGE_TAG.test(tag) ? tag : undefined;
  }
  return undefined;
}
