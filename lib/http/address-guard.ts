import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKED';
  constructor(host: string, address: string, range: string) {
    super(`${host} resolves to ${address} (${range}), which is not a public address`);
    this.name = 'BlockedAddressError';
  }
}

/** ::/96 minus :: and ::1: the deprecated IPv4-compatible form, which ipaddr.js calls plain unicast. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * The range an address falls in; only plain 'unicast' is public. IPv4-mapped IPv6 is judged as the
 * IPv4 address it carries, so ::ffff:127.0.0.1 is loopback. Everything ipaddr.js names (6to4, Teredo,
 * NAT64, documentation, reserved…) is refused: a feed never legitimately lives there, and several of
 * those forms embed an IPv4 address that could be private.
 */
export function addressRange(address: string): string {
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast' && parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE))
    return 'ipv4Compatible';
  return range;
}

/** Who may be connected to. The default (no fields set) is the production rule: public addresses only. */
export interface AddressPolicy {
  /** Lets every address through: local fixtures only (`--allow-private-network`), never in AWS. */
  allowPrivateNetwork?: boolean;
  /**
   * Exact addresses let through although not public. For tests that need one fixture server to be
   * reachable while checking that a redirect from it to anywhere else is still refused.
   */
  allowAddresses?: readonly string[];
}

function normalised(address: string): string {
  return ipaddr.process(address).toString();
}

function exempt(policy: AddressPolicy, address: string): boolean {
  return !!policy.allowAddresses?.some((allowed) => normalised(allowed) === normalised(address));
}

export function assertPublicAddress(host: string, address: string, policy: AddressPolicy = {}): void {
  if (policy.allowPrivateNetwork || exempt(policy, address)) return;
  const range = addressRange(address);
  if (range !== 'unicast') throw new BlockedAddressError(host, address, range);
}

/**
 * Checks literal IP hosts, which never reach the DNS lookup below. Decimal, octal and hex hosts
 * (http://2130706433/, http://0177.0.0.1/) need no extra care: the WHATWG URL parser has already
 * rewritten them to dotted quads by the time a hostname gets here.
 */
export function assertPublicHost(hostname: string, policy: AddressPolicy = {}): void {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) assertPublicAddress(hostname, bare, policy);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export type Lookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/**
 * A `lookup` for http.request that refuses non-public answers. Checking the address the socket
 * actually connects to (rather than resolving once beforehand) closes the DNS-rebinding gap. Every
 * answer must be public, not just the first: with Happy Eyeballs Node may try any of them.
 */
export function guardedLookup(policy: AddressPolicy = {}): Lookup {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      try {
        for (const { address } of addresses) assertPublicAddress(hostname, address, policy);
      } catch (blocked) {
        return callback(blocked as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
