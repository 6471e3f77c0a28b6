import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

/** What the fetcher advertises; decoders exist for exactly these. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * "deflate" means zlib-wrapped DEFLATE (RFC 9110), but some servers send raw DEFLATE under that
 * name. A zlib stream starts with a two-byte header whose compression method is 8 and which is a
 * multiple of 31; raw DEFLATE almost never does.
 */
function isZlibHeader(head: Buffer): boolean {
  const [cmf, flg] = head;
  if (cmf === undefined || flg === undefined) return true;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/** Resolves with the first buffered chunk without consuming it (it is put back for the pipeline). */
function peek(stream: Readable): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const done = (settle: () => void) => {
      stream.off('readable', onReadable).off('end', onEnd).off('error', reject);
      settle();
    };
    const onReadable = () =>
      done(() => {
        const chunk = stream.read() as Buffer | null;
        if (chunk) stream.unshift(chunk);
        resolve(chunk ?? undefined);
      });
    const onEnd = () => done(() => resolve(undefined));
    stream.on('readable', onReadable).once('end', onEnd).once('error', reject);
  });
}

/**
 * The most codings one answer may stack. Real servers use one, rarely two; every decoder holds its
 * own window, so 2,500 `br` layers cost 60 MB per fetch. curl caps its chain at 5 for the same reason.
 */
export const MAX_CODINGS = 5;

/** The codings a Content-Encoding header names, in the order to undo them (the reverse of the header's). */
export function codingsOf(contentEncoding: string | undefined): string[] {
  return (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter(Boolean)
    .reverse();
}

/**
 * The decoders for a Content-Encoding header, in the order to apply them. An empty body needs none,
 * whatever the header says: servers label 304s and empty 200s with the coding the full answer would
 * have had. Unknown codings such as "identity", "none" or a misconfigured "utf-8" pass through
 * untouched, as browsers and curl do: if the body really was compressed, the feed parser reports it
 * as not XML. Callers refuse a header naming more than MAX_CODINGS first.
 */
export async function decodersFor(body: Readable, contentEncoding: string | undefined): Promise<Transform[]> {
  const codings = codingsOf(contentEncoding);
  if (codings.length === 0) return [];
  const head = await peek(body);
  if (!head) return [];
  const decoders: Transform[] = [];
  for (const [i, coding] of codings.entries()) {
    if (coding === 'gzip' || coding === 'x-gzip') decoders.push(createGunzip());
    else if (coding === 'br') decoders.push(createBrotliDecompress());
    // Only the outermost coding can be sniffed; an inner deflate is taken to be the standard one.
    else if (coding === 'deflate')
      decoders.push(i === 0 && !isZlibHeader(head) ? createInflateRaw() : createInflate());
  }
  return decoders;
}
