import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useSignedIn } from './session-context';

/** The query parameter that e-mails put on a link to say which establishment the page is about. */
export const ESTABLISHMENT_PARAM = 'etablissement';

/**
 * A link from an e-mail (an alert of the « Veille ») names its establishment: someone who works
 * in several is switched to it, so the page does not answer « introuvable » for the wrong one.
 * An establishment the person does not belong to is ignored (the page then says it cannot be found).
 */
export function useEstablishmentFromLink(): void {
  const [params] = useSearchParams();
  const { session, membership, chooseEstablishment } = useSignedIn();
  const wanted = params.get(ESTABLISHMENT_PARAM);
  useEffect(() => {
    if (wanted === null || wanted === membership.establishmentId) return;
    if (session.memberships.some((m) => m.establishmentId === wanted)) chooseEstablishment(wanted);
  }, [wanted, membership.establishmentId, session.memberships, chooseEstablishment]);
}
