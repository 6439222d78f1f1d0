import { describe, expect, it } from 'vitest';
import { FeedError } from './feed-error.js';
import { assertPublicLiteralHost, isPublicAddress, publicOnlyLookup } from './public-address.js';

describe('isPublicAddress', () => {
  it('accepts global unicast addresses only', () => {
    for (const address of [
      '8.8.8.8',
      '151.101.1.140',
      '2001:4860:4860::8888',
      '[2a00:1450:4007:80c::200e]',
    ]) {
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
    }
  });

  it('refuses loopback, private, link-local, shared, reserved and special ranges', () => {
    const refused = [
      '127.0.0.1',
      '127.255.0.9',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.10',
      '169.254.169.254', // cloud metadata
      '100.64.0.1', // carrier-grade NAT
      '192.0.2.5', // documentation
      '198.18.0.1', // benchmarking
      '224.0.0.1',
      '255.255.255.255',
      '240.0.0.1',
      '::',
      '::1',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1', // IPv4-mapped loopback
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1', // NAT64 towards 10.0.0.1
      '2002:a00:1::1', // 6to4 towards 10.0.0.1
      '2001:db8::1', // documentation
      'not-an-address',
      '',
    ];
    for (const address of refused) expect([address, isPublicAddress(address)]).toEqual([address, false]);
  });
});

describe('assertPublicLiteralHost', () => {
  it('refuses URLs whose host is a non-public IP however it is spelled, and lets names through', () => {
    for (const url of [
      'http://127.1/',
      'http://2130706433/',
      'http://0x7f000001/',
      'http://[::1]/',
      'http://[::ffff:7f00:1]/',
    ]) {
      expect(() => assertPublicLiteralHost(new URL(url))).toThrow(FeedError);
    }
    expect(() => assertPublicLiteralHost(new URL('http://8.8.8.8/'))).not.toThrow();
    // A name is checked when it is resolved, at connection time.
    expect(() => assertPublicLiteralHost(new URL('http://localhost/'))).not.toThrow();
  });
});

describe('publicOnlyLookup', () => {
  const lookup = (hostname: string, all: boolean) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) => {
      publicOnlyLookup(hostname, { all }, (error, address) => resolve({ error, address }));
    });

  it('refuses a name that resolves to this machine, in both calling conventions', async () => {
    for (const all of [true, false]) {
      const { error } = await lookup('localhost', all);
      expect(error).toBeInstanceOf(FeedError);
      expect((error as FeedError).code).toBe('adresse_interdite');
    }
  });

  it('passes on resolver errors as they are', async () => {
    const { error } = await lookup('nothing-here.invalid', false);
    expect((error as NodeJS.ErrnoException | null)?.code).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });
});
