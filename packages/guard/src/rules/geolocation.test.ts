import { describe, expect, it } from 'vitest';
import { geolocationEvaluator } from './geolocation.js';
import { citedWords, rulesFound } from './people-fixture.js';

describe('GEO-01: live locations and staff schedules', () => {
  it.each([
    ['📍 CHU de Rennes, réa médicale — 3h12, ça tourne à fond cette nuit ☕', 'staff'],
    ['check-in aux urgences pédiatriques de Necker, première garde !! 🙈', 'staff'],
    ['je termine à 22h aux urgences, qqn peut venir me chercher au parking du personnel ? 🚗', 'staff'],
    ["Cette nuit, ce sont Dr Caron, Lina et Théo qui tiennent le SAU jusqu'à 8h 💪", 'institutional'],
    [
      "Mon trajet du matin : départ de la gare à 6h40, je longe le canal et j'entre par la porte C côté maternité 🚲",
      'staff',
    ],
    ['ce week-end je suis seule de nuit en USIC de samedi 20h à lundi 8h, passez me voir 😘', 'staff'],
    [
      'Portrait : Malik, brancardier, attache son vélo au local du sous-sol et prend son poste à 6h30 chaque matin',
      'institutional',
    ],
    [
      "📍 En direct de la maternité : l'équipe de garde (Dr Noel et Sarah) est sur le pont jusqu'à 7h ! 👋",
      'institutional',
    ],
    [
      'Ce soir, c est Yanis et Clara qui assurent la garde à la maternité jusqu à 8h. Courage !',
      'institutional',
    ],
  ] as const)('finds %s', (text, context) => {
    expect(rulesFound(geolocationEvaluator, text, context)).toEqual(['GEO-01']);
  });

  it('cites who is where, and until when', () => {
    const text = "Ce soir Awa et Paul tiennent la réa jusqu'à 7h, courage à eux";
    expect(
      citedWords(geolocationEvaluator, 'GEO-01', text, 'institutional', [
        ['DATE', 'Ce soir'],
        ['PERSON', 'Awa'],
        ['PERSON', 'Paul'],
        ['UNIT', 'la réa'],
        ['DATE', "jusqu'à 7h"],
      ]),
    ).toEqual(['Ce soir', 'Awa', 'Paul', 'la réa', "jusqu'à 7h"]);
  });
});

describe('GEO-01: what locates nobody', () => {
  it.each([
    ["Dépistage gratuit du diabète dans le hall de 9h à 17h avec l'équipe d'endocrinologie", 'institutional'],
    ["Avec le syndicat on sera devant l'ARS jeudi à 14h, venez nombreux ✊", 'staff'],
    ['Horaires de visite : de 13h à 20h en médecine et en chirurgie', 'institutional'],
    ['pause café à 3h du mat avec la team, on tient le coup ☕', 'staff'],
    ['📍 Hôpital Nord, amphi B : conférence grand public jeudi à 18h30 sur les AVC', 'institutional'],
    ["📍 urgences de Lille, 5h d'attente et toujours personne", 'public'],
    ['Le Dr Morin consulte le lundi et le jeudi de 9h à 12h au centre de santé', 'institutional'],
    ['Je commence ma première nuit ce soir, stressée mais motivée 💪', 'staff'],
    ["Bonjour, l'accueil principal (hall A) est ouvert de 8h à 19h", 'reply'],
  ] as const)('leaves alone %s', (text, context) => {
    expect(rulesFound(geolocationEvaluator, text, context)).toEqual([]);
  });

  it('leaves a hostile post to DOXX-01', () => {
    const text =
      "La cadre qui m'a fait virer sort à 18h par l'entrée du personnel, allez lui dire ce que vous en pensez";
    expect(rulesFound(geolocationEvaluator, text, 'staff')).toEqual([]);
  });
});

describe('GEO-01: a carer alone somewhere on a given day', () => {
  it.each([
    'je bosse seule de nuit en réa dimanche, qui me ramène des croissants ?',
    "t'es bien de garde au pavillon C ce soir ? je passe te déposer tes clés",
    'Ce soir je suis de garde aux urgences pédiatriques, souhaitez-moi bon courage !',
  ])('finds %s', (text) => {
    expect(rulesFound(geolocationEvaluator, text, 'staff')).toEqual(['GEO-01']);
  });

  it.each([
    ["Rappel : pendant les travaux, l'entrée du personnel se fait côté ouest de 6h à 22h.", 'institutional'],
    ['Ce week-end je suis de garde, pensez à moi 😅', 'staff'],
    ['Je finis à 19h, qqn dispo pour un apéro en ville ?', 'staff'],
  ] as const)('leaves alone %s', (text, context) => {
    expect(rulesFound(geolocationEvaluator, text, context)).toEqual([]);
  });
});

describe("GEO-01: a carer's exit time given away", () => {
  it('finds the time and door where a named carer leaves her shift', () => {
    const text =
      'Petit comité pour fêter Julie à la fin de son service jeudi 21h, sortie par le parking du personnel 🎂';
    expect(rulesFound(geolocationEvaluator, text, 'institutional')).toEqual(['GEO-01']);
  });

  it('leaves a shift change announced without a time alone', () => {
    expect(
      rulesFound(
        geolocationEvaluator,
        'Merci à Julie pour ses 20 ans de service à la fin de son contrat !',
        'staff',
      ),
    ).toEqual([]);
  });
});
