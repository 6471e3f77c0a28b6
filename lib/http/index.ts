export { addressRange, assertPublicAddress, BlockedAddressError } from './address-guard.ts';
export { decodeBody } from './charset.ts';
export {
  FetchError,
  type FetchedResponse,
  type FetchOptions,
  guardedFetch,
  type Redirect,
  USER_AGENT,
} from './fetch.ts';
