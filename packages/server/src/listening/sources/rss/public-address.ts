import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { FeedError } from './feed-error.js';

/*
 * The server fetches addresses that an establishment's administrator typed (SSRF): without
 * this, a feed address could read the cloud metadata service (169.254.169.254), the database's
 * admin page or any service on the hospital's internal network. Only global unicast addresses
 * are fetched; every other range (loopback, RFC 1918, link-local, carrier-grade NAT, unique
 * local, documentation, multicast, 6to4, Teredo, NAT64…) is refused. IPv4-mapped IPv6
 * addresses (::ffff:127.0.0.1) are judged as the IPv4 address they carry.
 */

/** True for an address on the public Internet, false for anything else (or not an address). */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === 'unicast';
}

export const FORBIDDEN_ADDRESS_MESSAGE =
  'Cette adresse mène à un réseau privé ou à ce serveur lui-même : Blouse ne lit que des flux publics sur Internet.';

function forbidden(): FeedError {
  return new FeedError('adresse_interdite', FORBIDDEN_ADDRESS_MESSAGE, { retryable: false });
}

/**
 * Refuses a URL whose host is written as a non-public IP address. The WHATWG parser has
 * already turned the odd spellings (http://2130706433/, http://0x7f.1/) into dotted quads.
 * Names are checked later, at connection time, by `publicOnlyLookup`.
 */
export function assertPublicLiteralHost(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !isPublicAddress(host)) throw forbidden();
}

/**
 * A DNS lookup for the HTTP client that refuses names resolving to a non-public address. It
 * runs when the socket connects, so the address checked is the address connected to: a name
 * that answers a public address to a first check and 127.0.0.1 to the connection (DNS
 * rebinding) is caught. A name with any non-public address is refused as a whole.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  const wantsAll = (options as LookupOptions).all === true;
  dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, wantsAll ? [] : '', undefined);
      return;
    }
    if (addresses.length === 0 || addresses.some((entry) => !isPublicAddress(entry.address))) {
      callback(forbidden() as unknown as NodeJS.ErrnoException, wantsAll ? [] : '', undefined);
      return;
    }
    const first = addresses[0] as LookupAddress;
    if (wantsAll) callback(null, addresses);
    else callback(null, first.address, first.family);
  });
};
