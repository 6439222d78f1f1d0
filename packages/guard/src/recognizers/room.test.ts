import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import type { Span } from '../types.js';
import { roomRecognizer } from './room.js';

function spans(text: string): Span[] {
  return roomRecognizer.find(createDocument(text), testContext());
}

/** The stretches a rule would see (score ≥ 0.5). */
function rooms(text: string): string[] {
  return spans(text)
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

describe('room recognizer: rooms, beds, boxes', () => {
  it('takes a room word with its number', () => {
    expect(rooms('Mme D., 92 ans, chambre 214, désorientée')).toEqual(['chambre 214']);
    expect(rooms('la dame en ch. 214 a encore appelé')).toEqual(['ch. 214']);
    expect(rooms('papy ch 12 🙄 toute la nuit')).toEqual(['ch 12']);
    expect(rooms('CHAMBRE 12 !!! encore')).toEqual(['CHAMBRE 12']);
    expect(rooms('transféré chambre n°318')).toEqual(['chambre n°318']);
    expect(rooms('les chambres 12 et 14 en isolement')).toEqual(['chambres 12 et 14']);
    expect(rooms('chambre 214b, côté fenêtre')).toEqual(['chambre 214b']);
  });

  it('reads room numbers in words', () => {
    expect(rooms('Mme D., chambre douze, complètement perdue')).toEqual(['chambre douze']);
    expect(rooms('il est chambre quatre-vingt-deux')).toEqual(['chambre quatre-vingt-deux']);
  });

  it('takes beds, boxes, stretchers and numbered rooms', () => {
    expect(rooms('M. Bernard lit 2 a eu son Lasilix')).toEqual(['lit 2']);
    expect(rooms('le lit B de la 4 a sonné')).toEqual(['lit B', '4']);
    expect(rooms('patiente lit b, à jeun')).toEqual(['lit b']);
    expect(rooms('box 3 : agité, box 7 : en attente de scan')).toEqual(['box 3', 'box 7']);
    expect(rooms('le monsieur du brancard 4 dans le couloir')).toEqual(['brancard 4']);
    expect(rooms('intubé en salle 2 du déchoc')).toEqual(['salle 2']);
    expect(rooms('Mr. Haddad in bed 5 finally woke up')).toEqual(['bed 5']);
  });

  it('scores rooms above beds above rooms of other kinds', () => {
    const text = 'chambre 12, lit 3, salle 2';
    const byText = Object.fromEntries(
      spans(text).map((span) => [text.slice(span.start, span.end), span.score]),
    );
    expect(byText).toEqual({ 'chambre 12': 0.9, 'lit 3': 0.8, 'salle 2': 0.7 });
  });

  it('takes the number of a person named by their room', () => {
    expect(rooms('le papy de la 12 m’a demandée en mariage 😂')).toEqual(['12']);
    expect(rooms('la dame de la 214 refuse tout')).toEqual(['214']);
    expect(rooms('Le gros du 14 a encore sonné 15 fois')).toEqual(['14']);
    expect(rooms('et la 6 sonne toutes les 5 min')).toEqual(['6']);
  });

  it('gives offsets in UTF-16 units after emojis', () => {
    const text = '😵‍💫😵‍💫 chambre 214';
    const [span] = spans(text);
    expect(span?.start).toBe(text.indexOf('chambre'));
    expect(span?.end).toBe(text.length);
  });
});

describe('room recognizer: rooms that locate no one', () => {
  it('drops rooms without a number', () => {
    for (const sentence of [
      'des chambres individuelles pour tous',
      'une chambre double au 3e',
      'la salle d’attente déborde',
      'une chambre à 45 € la nuit',
      'la chambre du fond est froide',
      'on se retrouve en salle à manger',
    ]) {
      expect(rooms(sentence), sentence).toEqual([]);
    }
  });

  it('drops quantities, sizes and the verb lire', () => {
    expect(rooms('une chambre 2 lits avec salle de bain')).toEqual([]);
    expect(rooms('un lit 2 places')).toEqual([]);
    expect(rooms('il lit 3 pages par jour')).toEqual([]);
    expect(rooms('la box 4G ne marche plus')).toEqual([]);
    expect(rooms('on va lui donner un box à son nom')).toEqual([]);
  });

  it('drops bare numbers that are dates, addresses, ranks or nobody’s', () => {
    expect(rooms('le 12 mars au soir')).toEqual([]);
    expect(rooms('Mme Lecomte du 12 rue des Écoles')).toEqual([]);
    expect(rooms('arrivé la 12e de la course')).toEqual([]);
    expect(rooms('le bus de la 12 est en retard')).toEqual([]);
    expect(rooms('la 12 est libre')).toEqual([]);
  });
});

describe('room recognizer: robustness', () => {
  it('returns on 1 MB of room-like text', () => {
    const text =
      'chambre 214, ch. 12, lit B, la dame de la 12, chambres 1, 2, 3, chambre à 45 €, box 4G. '.repeat(
        11_000,
      );
    const found = spans(text);
    expect(found.length).toBeGreaterThan(11_000);
    expect(found.every((span) => span.start >= 0 && span.end <= text.length)).toBe(true);
  });

  it('does not join a room word to a number 1 MB of spaces away', () => {
    expect(spans(`chambre${' '.repeat(1_000_000)}12`)).toEqual([]);
  });

  it('is empty on an empty text', () => {
    expect(spans('')).toEqual([]);
  });
});
