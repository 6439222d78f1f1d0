import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import type { GuardContext } from '../types.js';
import { phoneRecognizer } from './phone.js';

/** The PHONE spans the pipeline would keep (score ≥ 0.5), as text. */
function kept(text: string, context: GuardContext = 'staff'): string[] {
  return phoneRecognizer
    .find(createDocument(text), testContext(context))
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

function scores(text: string, context: GuardContext = 'staff'): number[] {
  return phoneRecognizer.find(createDocument(text), testContext(context)).map((span) => span.score);
}

describe('phoneRecognizer: private numbers', () => {
  const positives: Array<[string, string]> = [
    ['qqn peut rappeler la dame au 06 12 34 56 78 stp', '06 12 34 56 78'],
    ['son num 06.39.98.12.07 😡 appelez la', '06.39.98.12.07'],
    ['0712345678 c le portable de son fils', '0712345678'],
    ['joignable au +33 6 39 98 40 77 après 18h', '+33 6 39 98 40 77'],
    ['perso: +33 (0)6 12 34 56 78', '+33 (0)6 12 34 56 78'],
    ['depuis la Belgique composez le 0033 6 12 34 56 78', '0033 6 12 34 56 78'],
    ['06-12-34-56-78 #balance', '06-12-34-56-78'],
    ['MP ou 0 6 39 98 45 12', '0 6 39 98 45 12'],
    ['à la Réunion : +262 692 12 34 56', '+262 692 12 34 56'],
    ['en Guadeloupe 0690 12 34 56', '0690 12 34 56'],
    ['Martinique +596 696 12 34 56 !', '+596 696 12 34 56'],
    ['tél:0781234567', '0781234567'],
  ];
  it.each(positives)('finds the number in %j', (text, expected) => {
    expect(kept(text)).toEqual([expected]);
  });

  it('keeps mobiles at 0.9 in every context, service cue or not', () => {
    for (const context of ['institutional', 'reply', 'staff', 'public'] as const) {
      expect(scores('Standard : 06 12 34 56 78', context)).toEqual([0.9]);
    }
  });

  it('keeps a landline without service cue in staff and public posts, at a lower score', () => {
    expect(kept('voici le fixe de ses parents 02 99 12 34 56, appelez-les', 'public')).toEqual([
      '02 99 12 34 56',
    ]);
    expect(scores('chez moi c est le 09 72 12 34 56', 'staff')).toEqual([0.7]);
  });

  it('finds several numbers in one post', () => {
    expect(kept('06 12 34 56 78/07 98 76 54 32')).toEqual(['06 12 34 56 78', '07 98 76 54 32']);
  });
});

describe('phoneRecognizer: service numbers and look-alikes', () => {
  const negatives: Array<[string, GuardContext]> = [
    ['Nouveau standard : 05 57 82 00 00 ☎️', 'staff'],
    ['Pour une prise de RDV : 03 44 12 80 00', 'public'],
    ['contactez le secrétariat au 02.51.08.40.00', 'staff'],
    ['Relations usagers : 01 30 75 40 40', 'public'],
    ['Infos au 02 33 06 31 00', 'institutional'],
    ['merci d’appeler directement au 02 40 08 33 33', 'reply'],
    ['Cellule d’information des familles : 0 800 40 60 80 (gratuit)', 'public'],
    ['en cas de besoin appelez le 15, le 112, le 3114 ou le 3919', 'public'],
    ['numéro Azur 0810 12 34 56', 'staff'],
    ['facture de 2 300 € le 12/03/2024, chambre 214', 'public'],
    ['NDA 240318877 et IPP 8004127733', 'staff'],
    ['RPPS 10001234567 du Dr Martin', 'staff'],
    ['commande n° 0612345678 expédiée', 'staff'],
    ['1 femme sur 10, 123 456 789 € de budget', 'staff'],
    ['NIR 1 71 03 35 334 050 54', 'staff'],
  ];
  it.each(negatives)('finds nothing in %j (%s)', (text, context) => {
    expect(kept(text, context)).toEqual([]);
  });
});

describe('phoneRecognizer: scale', () => {
  it('returns on 1 MB of text full of numbers', () => {
    const text = 'Appelez le 06 12 34 56 78 ou le standard au 01 45 67 89 10, prix 12 000 €. '.repeat(14_000);
    const spans = phoneRecognizer.find(createDocument(text), testContext());
    expect(spans.length).toBe(14_000);
  });
});
