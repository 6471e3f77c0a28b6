import iconv from 'iconv-lite';

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
 * The WHATWG Encoding Standard reads these labels as windows-1252, as every browser does: feeds that
 * declare ISO-8859-1 routinely contain windows-1252 curly quotes and dashes in 0x80–0x9F, which
 * latin1 would turn into invisible C1 control characters. The two agree on every other byte.
 */
const WINDOWS_1252_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii']);

function usable(label: string | undefined): string | undefined {
  if (!label || !iconv.encodingExists(label)) return undefined;
  const charset = label.toLowerCase();
  return WINDOWS_1252_LABELS.has(charset) ? 'windows-1252' : charset;
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
  return iconv.decode(Buffer.from(bytes), charset, { stripBOM: true }).replace(/^\uFEFF/, '');
}
