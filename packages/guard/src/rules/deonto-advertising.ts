/**
 * DEONTO-03 language: advertising by a professional (promo codes, discounts, paid partnerships,
 * "lien en bio pour commander", patient testimonials next to a way to book).
 */
import { type Cue, cuePattern, findCue, gap, hasCue } from './conduct-text.js';

const PROMOTION = [
  cuePattern(`code (?:de )?(?:promo|promotionnel|reduc|reduction|parrainage|partenaire|avantage)`),
  cuePattern(`\\d+ ?(?:€|euros|eur) (?:de reduction|de remise|de reduc)`),
  cuePattern(`(?:avec|utilisez|utilise|avec mon|avec le|mon) code [a-z]{2,}\\d{1,3}`),
  /(?<![\w])-\s?\d{1,2}\s?%\s*(?:sur|de reduc|de remise|avec|offerts?)(?![a-z])/u,
  cuePattern(`\\d{1,2} ?% (?:de reduction|de reduc|de remise|offerts?)`),
  /(?<![\w])#(?:ad|pub|sponso|sponsorise|sponsorisee|partenariat|partenariatremunere|collab|partner|gifted|promo|codepromo)(?![a-z0-9])/u,
  cuePattern(
    `(?:partenariat|collaboration|collab) (?:remunere|remuneree|commercial|commerciale)|en partenariat avec @|en collaboration avec @`,
  ),
  cuePattern(
    `sponsorise|sponsorisee|sponsorises|offert par @|offerts par @|livraison offerte|ma boutique|mon e-shop|mon eshop|offre exclusive|offre speciale|black friday`,
  ),
  cuePattern(`(?:sur|via) (?:mon|ma) (?:doctolib|agenda en ligne|page de reservation)`),
];
/** A patient's praise becomes advertising once it sits next to a way to book or buy. */
const TESTIMONIAL = [
  cuePattern(
    `temoignage (?:d'une|d'un|de mes|de ma|de mon) (?:patiente|patient|patientes|patients|cliente|client)`,
  ),
  cuePattern(
    `meilleur(?:e)? (?:chirurgien|chirurgienne|medecin|dentiste|praticien|praticienne|dermato|dermatologue|kine|gyneco|docteur|osteo|nutritionniste)`,
  ),
  cuePattern(
    `mes (?:patientes|patients|clientes|clients) (?:adorent|recommandent|sont ravies|sont ravis|en redemandent)`,
  ),
];
const BOOKING = [
  cuePattern(`rdv|rendez-vous|doctolib|reservez|reservation|cabinet|tarifs?|seances?|devis|prix|offre|code`),
];
/** "Lien en bio" is ordinary on its own; next to a brand or a product it sells something. */
const LINK_IN_BIO = [cuePattern(`lien en bio|lien dans (?:ma|la) bio|link in bio|lien en description`)];
const COMMERCE = [
  cuePattern(
    `commander|commande|achetez|acheter|complements?|produits?|boutique|shop|marque|gelules|cures?|code`,
  ),
];

/** The first sign of advertising in the post, if any. */
export function promotion(folded: string): Cue | null {
  const cue = findCue(folded, PROMOTION);
  if (cue !== null) return cue;
  const praise = findCue(folded, TESTIMONIAL);
  if (praise !== null && hasCue(folded, BOOKING)) return praise;
  const link = findCue(folded, LINK_IN_BIO);
  return link !== null && hasCue(folded, COMMERCE) ? link : null;
}
