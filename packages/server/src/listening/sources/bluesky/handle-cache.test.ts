import { describe, expect, it } from 'vitest';
import { HandleCache } from './handle-cache.js';

describe('the DID → handle cache fed by #identity events', () => {
  it('remembers, updates and forgets handles', () => {
    const cache = new HandleCache();
    expect(cache.get('did:plc:a')).toBeNull();
    cache.learn('did:plc:a', 'Patient.bsky.social');
    expect(cache.get('did:plc:a')).toBe('patient.bsky.social');
    cache.learn('did:plc:a', 'nouveau-nom.fr');
    expect(cache.get('did:plc:a')).toBe('nouveau-nom.fr');
    cache.learn('did:plc:a', 'handle.invalid');
    expect(cache.get('did:plc:a')).toBeNull();
    cache.learn('did:plc:b', 'b.test');
    cache.learn('did:plc:b', undefined);
    expect(cache.get('did:plc:b')).toBeNull();
  });

  it('refuses text that is not a domain name', () => {
    const cache = new HandleCache();
    for (const bad of ['<b>gras</b>', 'sans-point', 'a..b', ' espace.fr', `${'x'.repeat(64)}.fr`]) {
      cache.learn('did:plc:c', bad);
      expect(cache.get('did:plc:c')).toBeNull();
    }
  });

  it('stays bounded, evicting the least recently used', () => {
    const cache = new HandleCache(2);
    cache.learn('did:plc:1', 'un.fr');
    cache.learn('did:plc:2', 'deux.fr');
    cache.get('did:plc:1');
    cache.learn('did:plc:3', 'trois.fr');
    expect(cache.get('did:plc:2')).toBeNull();
    expect(cache.get('did:plc:1')).toBe('un.fr');
    expect(cache.get('did:plc:3')).toBe('trois.fr');
  });
});
