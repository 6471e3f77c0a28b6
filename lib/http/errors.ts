/**
 * EINVALIDURL, EPROTOCOL, EBLOCKED (SSRF guard), ETIMEDOUT (connect or total), ETOOLARGE,
 * ETOOMANYREDIRECTS, EDECODE (a broken compressed body), or a network code such as ECONNREFUSED,
 * ECONNRESET or ENOTFOUND.
 */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(`${url}: ${message}`, options);
    this.name = 'FetchError';
  }
}
