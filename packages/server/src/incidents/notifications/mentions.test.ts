import { describe, expect, it } from 'vitest';
import { handleOf } from '../desk-members.js';
import { mentionedHandles, mentionedMembers } from './mentions.js';

describe('mentions in a comment', () => {
  it('fold display names into handles', () => {
    expect(handleOf('Élodie Martin-Roy')).toBe('elodie.martin.roy');
    expect(handleOf('  Jean  Dupont ')).toBe('jean.dupont');
  });

  it('find handles after « @ », not inside an e-mail address', () => {
    expect(mentionedHandles('@elodie.martin.roy, vois avec @Jean.Dupont. Écrire à jean@chu.fr')).toEqual([
      'elodie.martin.roy',
      'jean.dupont',
    ]);
    expect(mentionedHandles('(@Élodie) et @élodie')).toEqual(['elodie']);
  });

  it('keep only the desk members, never the author', () => {
    const members = [
      { id: 'a', displayName: 'Jean Dupont', handle: 'jean.dupont' },
      { id: 'b', displayName: 'Élodie Roy', handle: 'elodie.roy' },
    ];
    expect(mentionedMembers('@jean.dupont @elodie.roy @inconnu', members, 'b').map((m) => m.id)).toEqual([
      'a',
    ]);
  });
});
