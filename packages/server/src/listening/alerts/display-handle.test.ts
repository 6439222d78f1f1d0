import { describe, expect, it } from 'vitest';
import { displayHandle } from './display-handle.js';

describe('displayHandle', () => {
  it('writes a handle with one « @ », and a DID or a name without', () => {
    expect(displayHandle('temoin.bsky.social')).toBe('@temoin.bsky.social');
    expect(displayHandle('@marc_b@social.exemple')).toBe('@marc_b@social.exemple');
    expect(displayHandle('did:plc:abc123')).toBe('did:plc:abc123');
    expect(displayHandle('Le Journal de Démoville')).toBe('Le Journal de Démoville');
  });
});
