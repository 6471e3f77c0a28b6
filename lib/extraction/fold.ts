/**
 * Letters that carry their mark in the letter itself, so Unicode decomposition leaves them whole:
 * Turkish "ı", Polish "ł", Nordic "ø", and the ligatures. Wire copy spells the same names without
 * them ("Diyarbakır" and "Diyarbakir", "Łódź" and "Lodz").
 */
const PLAIN_LETTERS: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
};

/**
 * Text without its accents and other marks ("Erdoğan" → "Erdogan", "Şanlıurfa" → "Sanliurfa"):
 * outlets spell one name with and without them, and stop-word lists are kept in the plain form.
 */
export const withoutMarks = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłŁøØđĐßæÆœŒ]/g, (letter) => PLAIN_LETTERS[letter] as string);
