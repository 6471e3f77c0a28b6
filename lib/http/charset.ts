import iconv from 'iconv-lite';

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function charsetFromBom(body: Uint8Array): string | undefined {
  return BOMS.find(([bytes]) => bytes.every((byte, i) => body[i] === byte))?.[1];
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
}

/** The prolog is ASCII in every charset a feed may declare, so reading it as latin1 is safe. */
function charsetFromProlog(body: Uint8Array): string | undefined {
  const head = Buffer.from(body.subarray(0, 512)).toString('latin1');
  return head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/)?.[1];
}

function isValidUtf8(body: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a fetched document: BOM first, then the HTTP charset, then the XML prolog (RFC 3023 order,
 * relaxed the way real feeds need). A declared charset that iconv does not know, or a body that claims
 * a legacy charset but is valid UTF-8 (a common server misconfiguration), falls back to UTF-8.
 */
export function decodeBody(body: Uint8Array, contentType?: string): string {
  const declared = charsetFromBom(body) ?? charsetFromContentType(contentType) ?? charsetFromProlog(body);
  const charset = declared && iconv.encodingExists(declared) ? declared.toLowerCase() : 'utf-8';
  const trustUtf8 =
    charset !== 'utf-8' && !charset.startsWith('utf-16') && isValidUtf8(body) && hasHighBytes(body);
  const text = iconv.decode(Buffer.from(body), trustUtf8 ? 'utf-8' : charset);
  return text.replace(/^\uFEFF/, '');
}

function hasHighBytes(body: Uint8Array): boolean {
  return body.some((byte) => byte >= 0x80);
}
