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
 * The decoders for a Content-Encoding header, in the order to apply them (the header lists them in
 * the order they were applied). An empty body needs none, whatever the header says: servers label
 * 304s and empty 200s with the coding the full answer would have had. Unknown codings such as
 * "identity", "none" or a misconfigured "utf-8" pass through untouched, as browsers and curl do: if
 * the body really was compressed, the feed parser reports it as not XML.
 */
export async function decodersFor(body: Readable, contentEncoding: string | undefined): Promise<Transform[]> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter(Boolean)
    .reverse();
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
