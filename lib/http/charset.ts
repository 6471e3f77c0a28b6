/**
 * Decoding uses the runtime's WHATWG TextDecoder (ICU: every charset a browser reads, legacy Cyrillic,
 * CJK and Latin ones included), not a JavaScript table library: those tables were half a megabyte of
 * every bundle that fetches. UTF-32, which the Encoding Standard leaves out, is decoded here.
 */
const UTF32 = /^(utf-?32|ucs-?4)(le|be)?$/;
/** UTF-16 labels the Encoding Standard reads as little-endian, whatever the bytes say. */
const UTF16 = /^(utf-?16|ucs-?2|unicode)$/;

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength - (bytes.byteLength % 4));
  const chars: string[] = [];
  for (let at = 0; at < view.byteLength; at += 4) {
    const code = view.getUint32(at, littleEndian);
    chars.push(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD');
  }
  return chars.join('');
}

/**
 * windows-1252's 0x80–0x9F (curly quotes, dashes, €, œ…); every other byte is latin1. Decoded here
 * because Node's TextDecoder reads this label as latin1 (nodejs/node#56542), turning them into
 * invisible C1 controls.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] as string);
}

/**
 * The charset a label names, by its Encoding Standard name ('cp1252', 'latin1' → 'windows-1252'), or
 * undefined when neither the runtime nor decodeUtf32 reads it. A UTF-16 label without byte order
 * keeps its name, for decodeAs to tell the order from the bytes.
 */
function canonical(label: string): string | undefined {
  if (UTF32.test(label) || UTF16.test(label)) return label;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

function decodeAs(bytes: Uint8Array, charset: string): string {
  const utf32 = UTF32.exec(charset);
  // A label without byte order: ASCII text starts with a zero byte only when big-endian.
  const bigEndian = bytes[0] === 0 && bytes[1] !== undefined;
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  if (utf32) return decodeUtf32(bytes, utf32[2] ? utf32[2] === 'le' : !bigEndian);
  const label = UTF16.test(charset) && bigEndian ? 'utf-16be' : charset;
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

/** Longest first: the UTF-32LE BOM begins with the UTF-16LE one. */
const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * XML 1.0 Appendix F: without a BOM, a document in a 16- or 32-bit encoding still starts with '<'
 * (and '?'), whose zero bytes give the width and byte order away. No ASCII-compatible text looks
 * like this, so the pattern is trusted over any label.
 */
const WIDE_PATTERNS: Array<[number[], string]> = [
  [[0x00, 0x00, 0x00, 0x3c], 'utf-32be'],
  [[0x3c, 0x00, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x3c, 0x00, 0x3f], 'utf-16be'],
  [[0x3c, 0x00, 0x3f, 0x00], 'utf-16le'],
];

function startsWith(body: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, i) => body[i] === byte);
}

function charsetFromBom(body: Uint8Array): { charset: string; length: number } | undefined {
  const found = BOMS.find(([bytes]) => startsWith(body, bytes));
  return found && { charset: found[1], length: found[0].length };
}

function charsetFromPattern(body: Uint8Array): string | undefined {
  return WIDE_PATTERNS.find(([bytes]) => startsWith(body, bytes))?.[1];
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
}

/** The prolog is ASCII in every charset a feed may declare, so reading it as latin1 is safe. */
function charsetFromProlog(body: Uint8Array): string | undefined {
  const head = Buffer.from(body.subarray(0, 512)).toString('latin1');
  return head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/)?.[1];
}

/**
 * A declared charset, if it is one this runtime reads. The Encoding Standard reads ISO-8859-1, latin1
 * and ASCII as windows-1252, as every browser does: feeds that declare ISO-8859-1 routinely contain
 * windows-1252 curly quotes and dashes in 0x80–0x9F, which latin1 would turn into invisible C1
 * control characters. The two agree on every other byte.
 */
function usable(label: string | undefined): string | undefined {
  return label ? canonical(label.toLowerCase()) : undefined;
}

/**
 * Whether bytes that are not strictly UTF-8 are still mostly UTF-8: a UTF-8 feed with a few stray
 * bytes keeps its many good characters (the strays become U+FFFD), while latin1 text, whose accented
 * letters almost never form valid sequences, does not pass.
 */
function mostlyUtf8(body: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (const char of new TextDecoder('utf-8').decode(body)) {
    if (char === '\uFFFD') bad++;
    else if (char > '\u007F') good++;
  }
  return good >= bad;
}

function isValidUtf8(body: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

function hasHighBytes(body: Uint8Array): boolean {
  return body.some((byte) => byte >= 0x80);
}

const isWide = (charset: string) => /^(utf-?16|utf-?32|ucs-?2)/.test(charset);

/**
 * The charset to decode with: a BOM first, then the byte pattern of a BOM-less UTF-16/32 document,
 * then the HTTP charset, then the XML prolog (RFC 3023 order, relaxed the way real feeds need).
 * Labels are checked against the bytes: a body that claims a legacy charset but is valid UTF-8 (a
 * common server misconfiguration) is read as UTF-8, and a 16/32-bit claim for a body without a
 * single zero byte is ignored. What remains is read as UTF-8 (XML's default) unless it is mostly
 * not UTF-8: then as windows-1252, the de-facto default of legacy web text (ISO-8859-1 feeds that
 * forgot to say so, or that wrongly say UTF-8).
 */
function chooseCharset(body: Uint8Array, contentType: string | undefined): string {
  const sniffed = charsetFromBom(body)?.charset ?? charsetFromPattern(body);
  if (sniffed) return sniffed;
  const declared = usable(charsetFromContentType(contentType)) ?? usable(charsetFromProlog(body));
  if (declared && isWide(declared)) {
    if (body.includes(0)) return declared;
  } else if (declared && declared !== 'utf-8') {
    if (!(hasHighBytes(body) && isValidUtf8(body))) return declared;
  }
  return isValidUtf8(body) || mostlyUtf8(body) ? 'utf-8' : 'windows-1252';
}

/** Decodes a fetched document to text, without its BOM. */
export function decodeBody(body: Uint8Array, contentType?: string): string {
  const charset = chooseCharset(body, contentType);
  const bom = charsetFromBom(body);
  const bytes = bom && bom.charset === charset ? body.subarray(bom.length) : body;
  return decodeAs(bytes, charset).replace(/^\uFEFF/, '');
}
