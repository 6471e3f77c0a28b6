import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { codingsOf, decodersFor, MAX_CODINGS } from './decompress.ts';
import { FetchError } from './errors.ts';

/** The body, decompressed and capped at maxBytes while it streams in. */
export async function readBody(res: IncomingMessage, url: string, maxBytes: number, signal: AbortSignal) {
  const encoding = res.headers['content-encoding'];
  const declared = Number(res.headers['content-length']);
  if (!encoding && declared > maxBytes) {
    res.destroy();
    throw new FetchError(url, `body of ${declared} bytes is larger than ${maxBytes}`, 'ETOOLARGE');
  }
  const codings = codingsOf(encoding).length;
  if (codings > MAX_CODINGS) {
    res.destroy();
    throw new FetchError(url, `${codings} content codings, more than ${MAX_CODINGS}`, 'EDECODE');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Counted after decompression and checked per chunk, so memory never runs far past the cap; the
  // error tears the pipeline down, which closes the connection of a body that would never end.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes)
        return done(new FetchError(url, `body larger than ${maxBytes} bytes`, 'ETOOLARGE'));
      chunks.push(chunk);
      done();
    },
  });
  try {
    await pipeline([res, ...(await decodersFor(res, encoding)), sink], { signal });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    // zlib's codes start Z_ (Z_DATA_ERROR, Z_BUF_ERROR for a truncated stream), Brotli's ERR__ERROR_.
    if (!(error instanceof FetchError) && /^(Z_|ERR__|ERR_ZLIB)/.test(code ?? '')) {
      throw new FetchError(url, `could not decompress the ${encoding} body: ${message}`, 'EDECODE', {
        cause: error,
      });
    }
    throw error;
  }
  return Buffer.concat(chunks, size);
}

export function flatHeaders(res: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
