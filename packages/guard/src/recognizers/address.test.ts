import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import { addressRecognizer } from './address.js';

/** The ADDRESS spans the pipeline would keep (score ≥ 0.5), as text. */
function kept(text: string): string[] {
  return addressRecognizer
    .find(createDocument(text), testContext('public'))
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

describe('addressRecognizer: addresses', () => {
  const positives: Array<[string, string]> = [
    ['sa voisine du 8 rue des Tanneurs a appelé le SAMU', '8 rue des Tanneurs'],
    ['il habite 4 allée des Cerisiers à Vannes et roule en Golf', '4 allée des Cerisiers'],
    ['adresse perso : 21 rue Victor-Hugo, 44000 Nantes et son mail', '21 rue Victor-Hugo, 44000 Nantes'],
    ['chez lui, 15 bis avenue du Général de Gaulle, Brest.', '15 bis avenue du Général de Gaulle'],
    ['au 12 de la rue Pasteur, deuxième étage', '12 de la rue Pasteur'],
    ['3 impasse des peupliers il est tjrs là 😡', '3 impasse des peupliers'],
    ['RDV 40 bd Saint-Michel 75006 Paris', '40 bd Saint-Michel 75006 Paris'],
    ['elle vit au 7, chemin de la Croix Blanche', '7, chemin de la Croix Blanche'],
    ['12 RUE DES LILAS 35000 RENNES', '12 RUE DES LILAS 35000 RENNES'],
    ['il crèche 2 place de l’Hôtel de Ville maintenant', '2 place de l’Hôtel de Ville'],
    ['la maison 18 rue du 8 Mai 1945 avec les volets bleus', '18 rue du 8 Mai 1945'],
    ['au 5 lieu-dit Kerbrat, pas loin du bourg', '5 lieu-dit Kerbrat'],
    ['son appart 112B av. Jean Jaurès, 69007 Lyon', '112B av. Jean Jaurès, 69007 Lyon'],
    ['elle loge 9 rue de la paix pres de la gare', '9 rue de la paix'],
    ['le type du 3 rue de la gare il a encore crié', '3 rue de la gare'],
    ['3 cours Mirabeau 13100 Aix-en-Provence', '3 cours Mirabeau 13100 Aix-en-Provence'],
  ];
  it.each(positives)('finds the address in %j', (text, expected) => {
    expect(kept(text)).toEqual([expected]);
  });

  it('scores an address with postcode and town highest', () => {
    const score = (text: string) => addressRecognizer.find(createDocument(text), testContext())[0]?.score;
    expect(score('21 rue Victor-Hugo, 44000 Nantes')).toBe(0.95);
    expect(score('21 rue Victor-Hugo')).toBe(0.9);
    expect(score('21 rue victor hugo')).toBeLessThan(0.9);
  });
});

describe('addressRecognizer: look-alikes', () => {
  const negatives = [
    'il reste 2 places de parking',
    'j’ai fait 5 cours de yoga cette semaine',
    'il y a 3 place libre au self',
    'les 3 rues autour de l’hôpital sont bloquées',
    'rue des Lilas, près de la pharmacie',
    'le 12/03/2024 à 14:30 rue de la Paix',
    '1 femme sur 10, chambre 214',
    'Prix : 12 € la place de parking',
    'à 200 mètres de la place du marché',
    'j’ai lu 12 bd cette année',
    'en 2 voies sur 3 fermées',
    'au 12 rue',
    'rdv à 14 h 30 rue Pasteur, 9h15 avenue Foch',
  ];
  it.each(negatives)('finds nothing in %j', (text) => {
    expect(kept(text)).toEqual([]);
  });
});

describe('addressRecognizer: the establishment’s own venues', () => {
  const venue = 'Le nouveau centre de santé vous accueille au 3 rue Carnot dès lundi';
  it('drops a venue address in institutional posts and replies', () => {
    for (const context of ['institutional', 'reply'] as const) {
      expect(addressRecognizer.find(createDocument(venue), testContext(context))).toEqual([]);
    }
  });

  it('keeps the same address in a staff or public post, and a home address everywhere', () => {
    expect(addressRecognizer.find(createDocument(venue), testContext('staff'))).toHaveLength(1);
    const home = 'Bravo à Mme R. qui fête ses 100 ans chez elle au 3 rue Carnot';
    expect(addressRecognizer.find(createDocument(home), testContext('institutional'))).toHaveLength(1);
  });
});

describe('addressRecognizer: scale', () => {
  it('returns on 1 MB of address-like text', () => {
    const text = '12 rue de la de la de la Paix 35000 Rennes et 3 place libre, '.repeat(17_000);
    const spans = addressRecognizer.find(createDocument(text), testContext());
    expect(spans.length).toBeGreaterThan(0);
  });
});
