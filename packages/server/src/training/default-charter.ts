/**
 * Blouse's default charter: version 1 of every establishment that has published none of its own.
 *
 * Provenance: written for Blouse, in our own words, from the rule catalogue of Blouse's domain
 * notes (shared/reference/domain-rules.md §2.2, itself built from the MACSF Foundation's guide
 * « Bonnes pratiques des réseaux sociaux » (2013), hospital charters and the French texts it cites)
 * and from its training section (§5). No third-party text is copied. The rule ids in brackets are
 * those of the guard's catalogue, so that a finding and the charter say the same thing.
 *
 * An establishment adapts it with its legal service and publishes its own version (Markdown);
 * acknowledging it is evidence of information, the obligations come from the law (§5.3).
 */
export const DEFAULT_CHARTER_FR = `# Charte d’usage des réseaux sociaux

> Sur les réseaux sociaux aussi, je porte une blouse.

Cette charte s’adresse à toutes les personnes qui travaillent ou se forment dans l’établissement : professionnels, étudiants, intervenants extérieurs. Elle ne vous interdit pas les réseaux sociaux : elle rappelle les règles qui s’y appliquent déjà, pour vous protéger, protéger les patients et protéger vos collègues.

## 1. Le secret s’applique partout

- Je ne publie aucune information qui permette de reconnaître un patient, même sans son nom : initiales, âge, chambre, date, service, photo ou voix suffisent souvent. *(SECRET-01)*
- Changer un prénom ou flouter un visage ne suffit pas : c’est l’ensemble des détails qui identifie. *(SECRET-02)*
- Je ne confirme jamais, même indirectement, qu’une personne est ou a été soignée ici, y compris en répondant à son propre message. *(SECRET-03)*
- Un groupe fermé, une story « amis proches » ou une messagerie ne sont pas des lieux sûrs pour parler d’un patient : j’utilise les outils sécurisés de l’établissement. *(SECRET-05)*
- Je ne colle jamais d’informations sur un patient dans un outil d’intelligence artificielle grand public. *(SECRET-06)*

## 2. Images et enregistrements

- Je ne photographie, ne filme et n’enregistre aucun patient sans son accord écrit recueilli par la direction de la communication. *(IMAGE-01)*
- Avant toute photo dans un lieu de soins, je vérifie l’arrière-plan : patients, écrans, tableaux, bracelets, dossiers. *(IMAGE-02)*
- Je demande l’accord de mes collègues avant de les publier ou de les identifier, et je respecte leur refus. *(IMAGE-03)*
- Aucun tournage dans l’établissement sans l’autorisation de la direction. *(IMAGE-04)*

## 3. Ma vie privée et ma sécurité

- Je désactive la géolocalisation dans les lieux de soins et je ne publie ni mes horaires ni ceux de mes collègues. *(GEO-01)*
- Je revois mes paramètres de confidentialité environ tous les six mois : les réseaux les changent souvent. *(PRIV-01)*
- Je sépare ma vie personnelle de ma vie professionnelle et je n’accepte pas de patients parmi mes « amis ». *(PRIV-02)*
- J’organise le travail (plannings, échanges de garde, transmissions) avec les outils de l’établissement, pas sur les réseaux sociaux. *(PRIV-03)*

## 4. Ma parole et celle de l’établissement

- Seule la direction de la communication, ou les personnes qu’elle désigne, s’exprime au nom de l’établissement. *(ROLE-01)*
- La mention « ces propos n’engagent que moi » ne me protège pas : le lien entre moi et mon lieu de travail est fait quand même. *(ROLE-02)*
- Je m’exprime avec mesure sur l’établissement, ma hiérarchie et mes collègues, et je ne diffuse aucune information interne. *(RESERVE-01, DISCR-01)*
- Pendant une crise, je ne relaie que les informations officielles. *(CRISIS-01)*

## 5. Le respect des personnes

- Je respecte patients, familles, collègues et étudiants : pas de moquerie, d’insulte ni de propos discriminatoires, même « pour rire ». *(RESPECT-01)*
- Je n’affirme pas de fait portant atteinte à l’honneur d’une personne, même au conditionnel. *(DEFAM-01)*
- Je ne participe à aucun harcèlement et je ne publie rien qui permette de retrouver un collègue ou un patient. *(HARASS-01, DOXX-01)*

## 6. Si je vois un contenu problématique

- Je ne réponds pas moi-même et je ne le partage pas, même pour le dénoncer. *(ROLE-03)*
- Je le signale à la direction de la communication avec son adresse, la date et une capture, par exemple avec « Signaler » dans Blouse. *(REPORT-01)*
- Tout ce qui est publié peut devenir public, durable et viral : une capture d’écran circule sans fin. *(VIRAL-01)*

## 7. Ce que je reconnais

En reconnaissant cette charte, je déclare en avoir pris connaissance. Je sais que le secret professionnel et médical, le droit à l’image, la discrétion professionnelle et le devoir de réserve s’appliquent aussi sur mes comptes personnels et dans les groupes privés, et que leur non-respect peut entraîner des suites disciplinaires, civiles ou pénales.
`;
