import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { component } from './openapi.js';

describe('component', () => {
  it('names a schema once, keeping its description', () => {
    const first = z.object({ a: z.string() }).describe('Premier');
    expect(component(first, 'OpenApiTestShape')).toBe(first);
    expect(z.globalRegistry.get(first)).toEqual({ description: 'Premier', id: 'OpenApiTestShape' });
    // Naming the same schema again is harmless.
    expect(component(first, 'OpenApiTestShape')).toBe(first);
  });

  it('refuses a second schema under a name already given, which zod would accept silently', () => {
    component(z.object({ a: z.string() }), 'OpenApiTestTaken');
    expect(() => component(z.object({ b: z.number() }), 'OpenApiTestTaken')).toThrow(
      'Deux schémas portent le nom « OpenApiTestTaken »',
    );
  });
});
