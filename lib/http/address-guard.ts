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

/**
 * The range an address falls in; only plain 'unicast' is public. IPv4-mapped IPv6 is judged as the
 * IPv4 address it carries, so ::ffff:127.0.0.1 is loopback.
 */
export function addressRange(address: string): string {
  return ipaddr.process(address).range();
}

export function assertPublicAddress(host: string, address: string): void {
  const range = addressRange(address);
  if (range !== 'unicast') throw new BlockedAddressError(host, address, range);
}

/** Checks literal IP hosts, which never reach the DNS lookup below. */
export function assertPublicHost(hostname: string): void {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) assertPublicAddress(hostname, bare);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that refuses non-public answers. Checking the address the socket
 * actually connects to (rather than resolving once beforehand) closes the DNS-rebinding gap.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    try {
      for (const { address } of addresses) assertPublicAddress(hostname, address);
    } catch (blocked) {
      return callback(blocked as NodeJS.ErrnoException, []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first)
      return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}
