import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import type { GuardContext, Span } from '../types.js';
import { dateRecognizer } from './date.js';

function spans(text: string, context: GuardContext = 'staff'): Span[] {
  return dateRecognizer.find(createDocument(text), testContext(context));
}

/** The stretches a rule would see (score ≥ 0.5). */
function dates(text: string, context: GuardContext = 'staff'): string[] {
  return spans(text, context)
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

function scoreOf(text: string, part: string, context: GuardContext = 'staff'): number | undefined {
  return spans(text, context).find((span) => text.slice(span.start, span.end) === part)?.score;
}

describe('date recognizer: calendar dates', () => {
  it('takes day and month, with "le" and ranges', () => {
    expect(dates('opérée le 12 mars, sortie prévue')).toEqual(['le 12 mars']);
    expect(dates('hospitalisé du 3 au 7 mars en cardio')).toEqual(['3 au 7 mars']);
    expect(dates('il est arrivé le 1er janvier 🎆')).toEqual(['le 1er janvier']);
    expect(dates('on l’a revue le douze mars')).toEqual(['le douze mars']);
    expect(dates('brûlé en allumant son barbecue le 14 juillet')).toEqual(['le 14 juillet']);
    expect(scoreOf('le 12 mars', 'le 12 mars')).toBe(0.8);
  });

  it('takes numeric dates and raises birth dates', () => {
    expect(dates('passage aux urgences le 12/03')).toEqual(['le 12/03']);
    expect(dates('RDV 12/03/2024 en consult')).toEqual(['12/03/2024']);
    expect(dates('né le 12.07.1985 à Rouen')).toEqual(['le 12.07.1985']);
    expect(scoreOf('née le 12/07/1985, IPP 123', 'le 12/07/1985')).toBe(0.85);
    expect(scoreOf('contrôle 12/03', '12/03')).toBe(0.7);
  });

  it('takes bare months and years, with a lower score', () => {
    expect(scoreOf('greffé du cœur en mai dans notre CHU', 'mai')).toBe(0.55);
    expect(scoreOf('en 2019 il était déjà suivi', '2019')).toBe(0.55);
    expect(scoreOf('née en 1985, diabétique', '1985')).toBe(0.85);
  });
});

describe('date recognizer: days and moments', () => {
  it('takes weekdays with their part of day or date', () => {
    expect(dates('le pédiatre de garde samedi soir aux urgences')).toEqual(['samedi soir']);
    expect(dates('qui échange son mardi 14 contre mon jeudi ?')).toEqual(['mardi 14', 'jeudi']);
    expect(dates('il est en neuro depuis mardi 🙏')).toEqual(['mardi']);
    expect(dates('la nuit de samedi, elle a fugué')).toEqual(['nuit de samedi']);
    expect(dates('qui veut ma nuit du 12 ??')).toEqual(['nuit du 12']);
  });

  it('takes relative days and parts of day', () => {
    expect(dates('arrivée hier en pneumo')).toEqual(['hier']);
    expect(dates('opéré hier soir en ortho')).toEqual(['hier soir']);
    expect(dates('3 fugues cette nuit avec sa perf 😤')).toEqual(['cette nuit']);
    expect(dates('vu en consult ce matin incognito')).toEqual(['ce matin']);
    expect(dates('Ce soir je finis tard')).toEqual(['Ce soir']);
    expect(dates('parti la nuit dernière sans prévenir')).toEqual(['la nuit dernière']);
    expect(dates('admise avant-hier')).toEqual(['avant-hier']);
    expect(dates('fausse couche la semaine dernière')).toEqual(['la semaine dernière']);
    expect(dates('de garde à la mater le week-end')).toEqual(['le week-end']);
    expect(dates('transférée en USIC dans la nuit')).toEqual(['nuit']);
    expect(scoreOf('arrivée hier en pneumo', 'hier')).toBe(0.7);
  });

  it('takes clock times, strongest after "à" or "vers"', () => {
    expect(dates('sondé à 23h et non à 2h')).toEqual(['23h', '2h']);
    expect(dates('parti contre avis à 4h du matin')).toEqual(['4h du matin']);
    expect(dates('elle sort tous les soirs à 18h par l’entrée du personnel')).toEqual(['18h']);
    expect(dates('Urgences — 2h47, salle d’attente pleine')).toEqual(['2h47']);
    expect(dates('pause café 3h du mat en garde ☕')).toEqual(['3h du mat']);
    expect(scoreOf('vers 3h il a sonné', '3h')).toBe(0.8);
    expect(scoreOf('Lasilix 18h, bilan fait', '18h')).toBe(0.65);
  });

  it('joins a day and a time that touch', () => {
    expect(dates('seule de nuit de vendredi 21h à lundi 7h')).toEqual(['vendredi 21h', 'lundi 7h']);
    expect(dates('sur le pont jusqu’à 7h demain matin 💪')).toEqual(['7h demain matin']);
    expect(scoreOf('samedi 14h au bloc', 'samedi 14h')).toBe(0.8);
  });

  it('takes holidays and named days', () => {
    expect(dates('rentrée chez vous pour Noël 🎄')).toEqual(['Noël']);
    expect(dates('arrivée le soir de la fête de la musique')).toEqual(['le soir de la fête de la musique']);
    expect(dates('une chute le jour de l’an')).toEqual(['le jour de l’an']);
    expect(dates('hospitalisée depuis la rentrée')).toEqual(['la rentrée']);
  });

  it('finds campaign days and lets the rules decide', () => {
    const text = '14 novembre, Journée mondiale du diabète 💙';
    expect(dates(text, 'institutional')).toEqual(['14 novembre', 'Journée mondiale du diabète']);
  });
});

describe('date recognizer: what is not a date', () => {
  it('drops durations', () => {
    for (const sentence of [
      'on a attendu 7h aux urgences',
      '7h d’attente pour une entorse',
      'pendant 2 heures personne',
      'toutes les 20 minutes',
      'Bande d’incapables, 9h pour une entorse !!',
      'sortie de garde de 24h, dodo',
      'il faut qu’il tienne 12h dans un vestiaire',
      'les 3 heures perdues au prélèvement',
      'à 2h de route d’ici',
    ]) {
      expect(dates(sentence), sentence).toEqual([]);
    }
  });

  it('drops round-the-clock forms, ratings, blood pressures and fractions', () => {
    expect(dates('maternité ouverte 24h/24 et 7j/7')).toEqual([]);
    expect(dates('je mets 8/10 au service')).toEqual([]);
    expect(dates('10/10 je recommande')).toEqual([]);
    expect(dates('tension 12/8 ce matin')).toEqual(['ce matin']);
    expect(dates('3/4 des lits fermés')).toEqual([]);
    expect(dates('appelez le 06.12.34.56.78')).toEqual([]);
  });

  it('keeps opening hours of services under the threshold', () => {
    const accueil = 'Accueil ouvert de 8h à 19h, du lundi au vendredi.';
    expect(dates(accueil, 'institutional')).toEqual([]);
    expect(spans(accueil, 'institutional').length).toBeGreaterThan(0);
    expect(dates('Dépistage sans rendez-vous le mardi de 14h à 18h', 'institutional')).toEqual([]);
    expect(dates('Navette toutes les 20 minutes, de 7h à 20h', 'institutional')).toEqual([]);
    expect(dates('le centre sera fermé du 5 au 23 août', 'institutional')).toEqual([]);
    expect(dates('évitez le soleil entre 12h et 16h', 'institutional')).toEqual([]);
    const lowered = spans(accueil, 'institutional')[0];
    expect(lowered?.evidence).toBe('horaires d’un service');
  });

  it('keeps an event’s own time in an institutional post', () => {
    const text = 'Conférence grand public mardi 19 mars à 18h30, amphi A';
    expect(dates(text, 'institutional')).toEqual(['mardi 19 mars', '18h30']);
  });

  it('does not mistake names and ordinary words for dates', () => {
    expect(dates('Noël Martin est passé nous voir')).toEqual([]);
    expect(dates('l’ascension du mont Blanc')).toEqual([]);
    expect(dates('les lundis sont durs')).toEqual([]);
    expect(dates('elle a 34 ans et 3 enfants')).toEqual([]);
  });
});

describe('date recognizer: offsets and robustness', () => {
  it('gives offsets in UTF-16 units after emojis', () => {
    const text = '👶🏽👶🏽 né ce matin à 6h12';
    const found = spans(text);
    expect(found.map((span) => text.slice(span.start, span.end))).toEqual(['ce matin', '6h12']);
    expect(found[0]?.start).toBe(text.indexOf('ce matin'));
  });

  it('returns on 1 MB of time-like text', () => {
    const text =
      'samedi soir à 23h, le 12/03, de 9h à 17h du lundi au vendredi, 7h d’attente 24h/24. '.repeat(12_000);
    const found = spans(text);
    expect(found.length).toBeGreaterThan(12_000);
    expect(found.every((span) => span.start >= 0 && span.end <= text.length)).toBe(true);
  });

  it('does not stretch a date over 1 MB of spaces', () => {
    const text = `le${' '.repeat(1_000_000)}12 mars`;
    expect(dates(text)).toEqual(['12 mars']);
  });

  it('is empty on an empty text', () => {
    expect(spans('')).toEqual([]);
  });
});
