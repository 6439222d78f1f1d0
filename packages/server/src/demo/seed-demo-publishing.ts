import type { AppContext } from '../http/context.js';
import { recordConsent } from '../publishing/consents/consent-service.js';
import { setDraftPeople } from '../publishing/consents/draft-people-service.js';
import { establishmentDay } from '../publishing/consents/establishment-day.js';
import { createDraft, decideDraft, submitDraft } from '../publishing/draft-service.js';
import { demoConsentForm } from './demo-consent-form.js';

/**
 * Three fictitious institutional posts on the demo desk, so that « Publier » shows the workflow on
 * a first visit: one waiting for the communication director, one approved, and a portrait being
 * written that relies on a (fictitious) member of staff's consent in the register. Written by the demo
 * community manager through the same services as the desk (the guard reads them).
 */
export async function seedDemoPublishing(
  context: AppContext,
  establishmentId: string,
  people: { readonly communityManagerId: string; readonly communicationId: string },
): Promise<void> {
  const cm = { id: people.communityManagerId, role: 'community_manager' as const };
  const director = { id: people.communicationId, role: 'communication' as const };
  const waiting = await createDraft(context, establishmentId, cm, {
    title: 'Mois sans tabac — consultations gratuites',
    variants: [
      {
        network: 'facebook',
        text: 'Novembre, c’est le Mois sans tabac ! Nos consultations d’aide à l’arrêt sont gratuites, du lundi au vendredi, sur rendez-vous. Tabac info service : 39 89. #MoisSansTabac',
      },
      {
        network: 'bluesky',
        text: 'Mois sans tabac : consultations d’aide à l’arrêt gratuites au CHU de Démonstration, du lundi au vendredi. Tabac info service : 39 89.',
      },
    ],
  });
  await submitDraft(context, establishmentId, cm, waiting.id, waiting.revision);
  const approved = await createDraft(context, establishmentId, cm, {
    title: 'Journée mondiale de l’hygiène des mains',
    variants: [
      {
        network: 'linkedin',
        text: '5 mai, Journée mondiale de l’hygiène des mains : nos équipes d’hygiène hospitalière vous attendent dans le hall principal de 10 h à 16 h pour un atelier ouvert à tous.',
      },
    ],
  });
  await submitDraft(context, establishmentId, cm, approved.id, approved.revision);
  await decideDraft(context, establishmentId, director, approved.id, {
    revision: approved.revision,
    decision: 'approved',
    comment: 'Très bien, merci.',
  });
  const today = establishmentDay(context.clock());
  const consent = await recordConsent(
    context,
    establishmentId,
    cm,
    {
      personName: 'Pr Hélène Morvan',
      personKind: 'staff',
      uses: ['name', 'image'],
      networks: [],
      purpose: 'Portrait de l’équipe de tabacologie (démonstration)',
      signatory: null,
      givenOn: today,
      expiresOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    },
    demoConsentForm(),
  );
  const portrait = await createDraft(context, establishmentId, cm, {
    title: 'Portrait : l’équipe de tabacologie',
    variants: [
      {
        network: 'bluesky',
        text: 'Le Pr Hélène Morvan et l’équipe de tabacologie vous accompagnent tout le mois de novembre. Consultations gratuites sur rendez-vous.',
      },
    ],
  });
  await setDraftPeople(context, establishmentId, cm, portrait.id, {
    revision: portrait.revision,
    consentIds: [consent.id],
    nobodyShown: false,
  });
}
