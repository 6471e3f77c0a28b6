/**
 * SQS caps a message at 256 KiB, title, URL and JSON escaping included: the article's HTML gets
 * 200 KiB of UTF-8, measured in bytes (200,000 Cyrillic characters would be twice that).
 */
export const MAX_ARTICLE_BYTES = 200 * 1024;

/** Where text may be cut without splitting a sentence or a block: after a closing block tag or a full stop. */
const BOUNDARY = /<\/(?:p|li|ul|ol|h[1-6]|blockquote|div|section|article|table)>|[.!?…]["”’»)]?\s/gi;

/** UTF-8 bytes of one UTF-16 code unit; a surrogate pair is 4 bytes, 2 per half. A lone surrogate is written as U+FFFD, 3 bytes. */
function utf8Bytes(html: string, i: number): number {
  const code = html.charCodeAt(i);
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  const pair =
    code >= 0xd800 && code <= 0xdbff
      ? html.charCodeAt(i + 1) >= 0xdc00 && html.charCodeAt(i + 1) <= 0xdfff
      : code >= 0xdc00 &&
        code <= 0xdfff &&
        html.charCodeAt(i - 1) >= 0xd800 &&
        html.charCodeAt(i - 1) <= 0xdbff;
  return pair ? 2 : 3;
}

/**
 * The longest prefix, in UTF-16 code units, whose UTF-8 encoding fits in `maxBytes`, never ending
 * inside a surrogate pair. One pass: measuring a longer prefix for every candidate cut made a 250 KB
 * item without a boundary take 3 s.
 */
function fittingLength(html: string, maxBytes: number): number {
  let bytes = 0;
  let i = 0;
  for (; i < html.length; i++) {
    bytes += utf8Bytes(html, i);
    if (bytes > maxBytes) break;
  }
  const code = html.charCodeAt(i - 1);
  const splitsPair = i < html.length && code >= 0xd800 && code <= 0xdbff && utf8Bytes(html, i - 1) === 2;
  return splitsPair ? i - 1 : i;
}

/**
 * HTML that fits the message, cut at the last sentence or block boundary inside the budget, and
 * whether it was cut. An article too long for one message loses its tail, not the whole message;
 * one without any boundary is cut at the budget. Linear in the article's length.
 */
export function trimHtml(html: string, maxBytes = MAX_ARTICLE_BYTES): { html: string; trimmed: boolean } {
  if (Buffer.byteLength(html) <= maxBytes) return { html, trimmed: false };
  const limit = fittingLength(html, maxBytes);
  let cut = 0;
  for (const match of html.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (end > limit) break;
    cut = end;
  }
  return { html: html.slice(0, cut || limit).trimEnd(), trimmed: true };
}
