import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../lexicon/lexicon.js';
import { EMPTY_LEXICON, testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import type { GuardContext } from '../types.js';
import { emailRecognizer } from './email.js';

/** The EMAIL spans the pipeline would keep (score ≥ 0.5), as text. */
function kept(text: string, context: GuardContext = 'staff'): string[] {
  return emailRecognizer
    .find(createDocument(text), testContext(context))
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

describe('emailRecognizer: personal addresses', () => {
  const positives: Array<[string, string, GuardContext]> = [
    ['son mail c nath.guerin95@gmail.com, écrivez lui', 'nath.guerin95@gmail.com', 'public'],
    ['elle a pas eu le mail sur m.petitjean56@orange.fr 🙄', 'm.petitjean56@orange.fr', 'staff'],
    ['Contact perso: JEAN.DUPONT@HOTMAIL.FR', 'JEAN.DUPONT@HOTMAIL.FR', 'public'],
    ['(kevin_du_35@wanadoo.fr)', 'kevin_du_35@wanadoo.fr', 'staff'],
    ['écris à l’adresse lucie.b@free.fr.', 'lucie.b@free.fr', 'public'],
    ['envoyez à sophie.martin@chu-valmont.fr pour le planning', 'sophie.martin@chu-valmont.fr', 'reply'],
    ['mail: élodie.roux@laposte.net', 'élodie.roux@laposte.net', 'public'],
    ['#balance toto1987@yahoo.co.uk', 'toto1987@yahoo.co.uk', 'public'],
    ['contact@gmail.com c est sa boite perso', 'contact@gmail.com', 'public'],
    ['dispo sur pierre-antoine.leroy@icloud.com', 'pierre-antoine.leroy@icloud.com', 'staff'],
    ['<a.benali+hopital@outlook.fr>', 'a.benali+hopital@outlook.fr', 'staff'],
    ['moi c jdupont@sfr.fr', 'jdupont@sfr.fr', 'staff'],
  ];
  it.each(positives)('finds the address in %j', (text, expected, context) => {
    expect(kept(text, context)).toEqual([expected]);
  });

  it('scores personal addresses 0.9', () => {
    const spans = emailRecognizer.find(createDocument('a.b.martin@gmail.com'), testContext());
    expect(spans.map((span) => span.score)).toEqual([0.9]);
  });

  it('treats a name known to the lexicon as personal', () => {
    const lexicon: Lexicon = { ...EMPTY_LEXICON, firstNames: new Map([['nathalie', 1000]]) };
    const text = 'écrivez à nathalie@asso-quartier.org';
    const spans = emailRecognizer.find(createDocument(text), { ...testContext('reply'), lexicon });
    expect(spans.map((span) => span.score)).toEqual([0.9]);
  });

  it('keeps an address of unknown shape in staff posts, but not in the establishment’s own', () => {
    expect(kept('écrire à xk42@ma-boite.fr', 'staff')).toEqual(['xk42@ma-boite.fr']);
    expect(
      emailRecognizer.find(createDocument('écrire à xk42@ma-boite.fr'), testContext('institutional'))[0]
        ?.score,
    ).toBeLessThan(0.75);
  });
});

describe('emailRecognizer: functional mailboxes and look-alikes', () => {
  const negatives: Array<[string, GuardContext]> = [
    ['Écrivez aux relations avec les usagers : relations.usagers@ch-pontoise.fr', 'reply'],
    ['Candidatures : recrutement@chu-valmont.fr', 'institutional'],
    ['contact@maternite-sainte-anne.fr pour toute question', 'institutional'],
    ['ne répondez pas à noreply@doctolib.fr', 'staff'],
    ['secretariat.cardio@ch-x.fr vous répondra', 'reply'],
    ['la drh@chu.fr ne répond jamais', 'public'],
    ['soirée avec @marie.lpz et @thibault_r 🍻', 'staff'],
    ['suivez-nous sur @chu_valmont@mastodon.social', 'institutional'],
    ['voir https://x.com/@dr.ben.name pour la vidéo', 'staff'],
    ['prix 12 € @ 3 unités, le 12/03/2024', 'public'],
    ['adresse incomplète: jean.dupont@gmail', 'public'],
  ];
  it.each(negatives)('finds nothing in %j (%s)', (text, context) => {
    expect(kept(text, context)).toEqual([]);
  });
});

describe('emailRecognizer: scale', () => {
  it('returns on 1 MB of text without "@" and on 1 MB of "@" runs', () => {
    const letters = 'a'.repeat(1_000_000);
    expect(emailRecognizer.find(createDocument(letters), testContext())).toEqual([]);
    const ats = 'ab.cd@'.repeat(170_000);
    expect(Array.isArray(emailRecognizer.find(createDocument(ats), testContext()))).toBe(true);
  });
});
