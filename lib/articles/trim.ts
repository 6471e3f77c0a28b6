/**
 * SQS caps a message at 256 KiB, title, URL and JSON escaping included: the article's HTML gets
 * 200 KiB of UTF-8, measured in bytes (200,000 Cyrillic characters would be twice that).
 */
export const MAX_ARTICLE_BYTES = 200 * 1024;

/** Where text may be cut without splitting a sentence or a block: after a closing block tag or a full stop. */
const BOUNDARY = /<\/(?:p|li|ul|ol|h[1-6]|blockquote|div|section|article|table)>|[.!?…]["”’»)]?\s/gi;

/**
 * HTML that fits the message, cut at the last sentence or block boundary inside the budget, and
 * whether it was cut. An article too long for one message loses its tail, not the whole message.
 */
export function trimHtml(html: string, maxBytes = MAX_ARTICLE_BYTES): { html: string; trimmed: boolean } {
  if (Buffer.byteLength(html) <= maxBytes) return { html, trimmed: false };
  // Characters are at most 4 bytes: start from a prefix that surely fits, then extend by boundaries.
  let cut = 0;
  for (const match of html.matchAll(BOUNDARY)) {
    const end = (match.index ?? 0) + match[0].length;
    if (Buffer.byteLength(html.slice(0, end)) > maxBytes) break;
    cut = end;
  }
  if (cut === 0) {
    cut = Math.floor(maxBytes / 4);
    while (Buffer.byteLength(html.slice(0, cut + 1)) <= maxBytes && cut < html.length) cut++;
  }
  return { html: html.slice(0, cut).trimEnd(), trimmed: true };
}
