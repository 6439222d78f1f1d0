import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldError } from './field-error';

describe('a refused field’s message', () => {
  const refusal = new ApiError(400, 'donnees_invalides', 'Réglages invalides.', [
    { field: 'settings.url', message: 'adresse http:// ou https:// attendue' },
    { field: 'name', message: 'nom vide' },
  ]);

  it('is found by the field’s path', () => {
    expect(fieldError(refusal, 'settings.url')).toBe('adresse http:// ou https:// attendue');
    expect(fieldError(refusal, 'name')).toBe('nom vide');
  });

  it('is undefined for another field or another kind of failure', () => {
    expect(fieldError(refusal, 'url')).toBeUndefined();
    expect(fieldError(new Error('réseau'), 'name')).toBeUndefined();
    expect(fieldError(null, 'name')).toBeUndefined();
  });
});
