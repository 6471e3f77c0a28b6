import { decodeHTMLStrict } from 'entities';

const LINE_BREAK = /<br\s*\/?>/gi;
/** Only what reads as a tag: "x < y" and "a<3" are text. */
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

/**
 * A title as the words a reader sees. Feeds put markup in titles: Google Alerts bolds the query
 * (`<b>Slack</b>`), Craigslist escapes the price (`&#x0024;1950`) and writes `ft<sup>2</sup>`,
 * both inside CDATA or an Atom `type="html"` title, so the XML parser hands them over as text.
 * Left in, they reach the timeline verbatim and make one feed's titles look alike to matching.
 */
export function plainText(title: string): string {
  return decodeHTMLStrict(title.replace(LINE_BREAK, ' ').replace(TAG, ''))
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}
