import type { PublishingNetwork } from '@blouse/contract';
import type { ConsentPersonKind, ConsentUse } from '../../db/schema.js';
import type { PhotoCheck } from '../media/photo-check.js';

/**
 * What a recorded consent allows, on a given day: pure, so that the desk, the approval and the
 * publication job read it alike. A consent counts from the day it was given to the day it
 * expires, both included, unless it was withdrawn; it covers only its uses and its networks.
 */
export interface ConsentTerms {
  readonly id: string;
  readonly personName: string;
  readonly personKind: ConsentPersonKind;
  readonly uses: readonly ConsentUse[];
  /** Empty: every network. */
  readonly networks: readonly string[];
  readonly givenOn: string;
  readonly expiresOn: string;
  readonly withdrawnAt: string | null;
}

export type ConsentState = 'valid' | 'not_yet' | 'expired' | 'withdrawn';

/** Where a consent stands on `day` (YYYY-MM-DD, the establishment's calendar day). */
export function consentState(consent: ConsentTerms, day: string): ConsentState {
  if (consent.withdrawnAt !== null) return 'withdrawn';
  if (day < consent.givenOn) return 'not_yet';
  if (day > consent.expiresOn) return 'expired';
  return 'valid';
}

/** Whether the consent lets the post use the person this way on this network, on `day`. */
export function consentCovers(
  consent: ConsentTerms,
  use: ConsentUse,
  network: PublishingNetwork,
  day: string,
): boolean {
  return (
    consentState(consent, day) === 'valid' &&
    consent.uses.includes(use) &&
    (consent.networks.length === 0 || consent.networks.includes(network))
  );
}

/** The names the guard may read in this network's variant: people who consented to be named there. */
export function consentedNames(
  consents: readonly ConsentTerms[],
  network: PublishingNetwork,
  day: string,
): string[] {
  return consents.filter((c) => consentCovers(c, 'name', network, day)).map((c) => c.personName);
}

export interface PeopleProblem {
  readonly field: string;
  readonly message: string;
}

const STATE_MESSAGE: Record<Exclude<ConsentState, 'valid'>, (c: ConsentTerms) => string> = {
  withdrawn: (c) =>
    `le consentement de ${c.personName} a été retiré : retirez cette personne de la publication`,
  expired: (c) => `le consentement de ${c.personName} a expiré le ${frenchDate(c.expiresOn)}`,
  not_yet: (c) => `le consentement de ${c.personName} ne court qu’à partir du ${frenchDate(c.givenOn)}`,
};

/**
 * What stops a post from going out on `networks` for want of consent: a person relied on whose
 * consent no longer holds, or photos that may show someone with no consent to be shown on one of
 * the networks. The names in the text are the guard's part (consentedNames).
 */
export function peopleProblems(input: {
  readonly consents: readonly ConsentTerms[];
  readonly networks: readonly PublishingNetwork[];
  /** The post's photos or video, in order, with what the image guard saw (null: not read). */
  readonly media: readonly (PhotoCheck | null)[];
  readonly nobodyShown: boolean;
  readonly day: string;
}): PeopleProblem[] {
  const problems: PeopleProblem[] = [];
  for (const consent of input.consents) {
    const state = consentState(consent, input.day);
    if (state !== 'valid')
      problems.push({ field: `consents.${consent.id}`, message: STATE_MESSAGE[state](consent) });
  }
  input.media.forEach((check, index) => {
    if (check?.backgroundBlocks)
      problems.push({
        field: `media.${index}`,
        message: `photo ${index + 1} : un nom ou une information sur un patient se lit à l’arrière-plan (${check.backgroundRules.join(', ')}) ; remplacez-la par sa copie sûre`,
      });
  });
  const faces = input.media.reduce((sum, check) => sum + (check?.faces ?? 0), 0);
  if (input.media.length > 0 && input.nobodyShown && faces > 0) {
    // The statement is the author's; the faces are the image guard's: a face it sees needs the
    // person's consent for each network, or the safe copy, which blurs it.
    for (const network of input.networks) {
      if (!input.consents.some((c) => consentCovers(c, 'image', network, input.day)))
        problems.push({
          field: `${network}.media`,
          message: `le garde voit ${faces === 1 ? 'un visage' : `${faces} visages`} sur les photos, qui devaient ne montrer personne : liez le consentement (usage « image », ce réseau) de chaque personne, ou remplacez les photos par leur copie sûre`,
        });
    }
  }
  if (input.media.length > 0 && !input.nobodyShown) {
    for (const network of input.networks) {
      if (!input.consents.some((c) => consentCovers(c, 'image', network, input.day)))
        problems.push({
          field: `${network}.media`,
          message:
            'photo ou vidéo : liez le consentement (usage « image », ce réseau) de chaque personne reconnaissable, ou déclarez qu’elles ne montrent personne',
        });
    }
  }
  return problems;
}

/** 2026-12-06 → 6 décembre 2026 */
export function frenchDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return day;
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The same problems without anyone's name, for what outlives the register (the audit log, the
 * e-mail to whoever scheduled the post, the publication's last error).
 */
export function anonymousPeopleReason(problems: readonly PeopleProblem[]): string {
  const consents = problems.filter((problem) => problem.field.startsWith('consents.')).length;
  const backgrounds = problems.filter((problem) => problem.field.startsWith('media.')).length;
  const photos = problems.length - consents - backgrounds;
  const parts: string[] = [];
  if (consents > 0)
    parts.push(
      consents === 1
        ? 'un consentement lié n’est plus en vigueur (voir le registre)'
        : `${consents} consentements liés ne sont plus en vigueur (voir le registre)`,
    );
  if (backgrounds > 0)
    parts.push('une photo laisse lire un nom ou une information sur un patient à l’arrière-plan');
  if (photos > 0)
    parts.push(
      'photo ou vidéo sans consentement pour ce réseau ni déclaration « personne de reconnaissable »',
    );
  return parts.join(' ; ');
}
