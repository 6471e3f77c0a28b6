import type { Tense } from './year.ts';

/** Markers of an announcement rather than a report, in the languages feeds are configured with. */
const FUTURE = new RegExp(
  [
    String.raw`\b(?:will|shall|is|are)\s+(?:not\s+)?(?:be\s+)?(?:scheduled|due|set|expected|planned|slated|to)\b`,
    String.raw`\bwill\b|\bshall\b|\bto be held\b|\bupcoming\b|\bplans? to\b|\bintends? to\b|\bgoing to\b`,
    String.raw`\b(?:wird|werden|soll|sollen)\b`,
    String.raw`\b(?:aura lieu|se tiendra|va|vont|sera|seront|doit|doivent)\b`,
    String.raw`\b(?:se celebrará|tendrá lugar|va a|van a|será|serán)\b`,
    String.raw`\b(?:vai|vão|será|serão|irá|irão)\b`,
    String.raw`(?:^|\s)(?:відбудеться|відбудуться|буде|будуть|состоится|состоятся|будет|будут)(?=\s|$|[,.])`,
  ].join('|'),
  'i',
);

/** Whether a text announces rather than reports: decides which way an unwritten year or weekday goes. */
export function tenseOf(text: string): Tense {
  return FUTURE.test(text) ? 'future' : 'past';
}

const CLAUSE_BOUNDARY = /[;:—–]\s|,\s+(?:and|but|while|whereas|although)\s/g;

/** The clause around a position: "ratified on 24 October; the Kremlin is expected to…" is two tenses. */
export function clauseAround(sentence: string, index: number): string {
  let start = 0;
  let end = sentence.length;
  for (const match of sentence.matchAll(CLAUSE_BOUNDARY)) {
    const at = match.index ?? 0;
    if (at < index) start = at + match[0].length;
    else if (at > index) {
      end = at;
      break;
    }
  }
  return sentence.slice(start, end);
}
