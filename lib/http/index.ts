export {
  type AddressPolicy,
  addressRange,
  assertPublicAddress,
  BlockedAddressError,
} from './address-guard.ts';
export { decodeBody } from './charset.ts';
export { MAX_CODINGS } from './decompress.ts';
export {
  ACCEPT_FEED,
  ACCEPT_HTML,
  FetchError,
  type FetchedResponse,
  type FetchOptions,
  guardedFetch,
  permanentUrl,
  type Redirect,
  USER_AGENT,
} from './fetch.ts';
