/**
 * DEONTO-03 language: advertising for care or products (promo codes, discounts, paid
 * partnerships, "lien en bio pour commander", patient testimonials next to a way to book).
 * A promo code or a discount on care is advertising whoever posts it, the establishment's own
 * account included; mentions that an establishment or a colleague makes in passing ("en
 * partenariat avec @asso", "cabinet", "tarifs") count only in a staff member's post.
 */
import type { GuardDocument } from '../text/document.js';
import type { GuardContext } from '../types.js';
import { type Cue, cues, gap, taggedCues } from './conduct-text.js';

/** Advertising in any account: codes, sponsored tags, paid partnerships, shop talk. */
const PROMOTION = [
  `code (?:de )?(?:promo|promotionnel|reduc|reduction|parrainage|partenaire|avantage)`,
  `\\d+ ?(?:€|euros|eur) (?:de reduction|de remise|de reduc)`,
  `\\d{1,2} ?% (?:de reduction|de reduc|de remise|offerts?)`,
  `(?:profitez|promo|promotion|soldes|offre) (?:de |d'|a )?-? ?\\d{1,2} ?%|jusqu'a -\\d{1,2} ?%`,
  `#(?:ad|pub|sponso|sponsorise|sponsorisee|partenariat|partenariatremunere|collab|partner|gifted|promo|codepromo|bonplan)`,
  `(?:partenariat|collaboration|collab) (?:remunere|remuneree|commercial|commerciale)|sponsorise|sponsorisee|sponsorises|livraison offerte|ma boutique|mon e-shop|mon eshop|offre exclusive|offre speciale|offre de lancement|offre decouverte|black friday`,
  `(?:premiere|1ere|1re) (?:seance|consultation|injection|seances|consult) (?:offerte|gratuite|a -?\\d+)`,
];
/** Partnership credits: promotion from a staff account, routine thanks from an institution's. */
const STAFF_PROMOTION = [
  `en partenariat avec @|en collaboration avec @|offert par @|offerts par @`,
  `(?:sur|via) (?:mon|ma) (?:doctolib|agenda en ligne|page de reservation)`,
];
/**
 * A discount ("-15 %") is advertising only next to something sold: care, a product, a code.
 * A published statistic ("-20 % d'infections") is not.
 */
const DISCOUNT = [`- ?\\d{1,2} ?%`];
const SOLD = cues(
  `profitez|promo|promotion|code|offre|reduc|reduction|remise|soldes|bon plan|parrainage|seances?|injections?|prestations?|soins du visage|epilation|laser|botox|acide hyaluronique|commande|commander|boutique|achat|panier|livraison|abonnement|gelules|complements?`,
);

/** A patient's praise becomes advertising once it sits next to a way to book or buy. */
const TESTIMONIAL = [
  `temoignage (?:d'une|d'un|de mes|de ma|de mon) (?:patiente|patient|patientes|patients|cliente|client)`,
  `meilleur(?:e)? (?:chirurgien|chirurgienne|medecin|dentiste|praticien|praticienne|dermato|dermatologue|kine|gyneco|docteur|osteo|nutritionniste)`,
  `mes (?:patientes|patients|clientes|clients) (?:adorent|recommandent|sont ravies|sont ravis|en redemandent)`,
  // A quoted patient: "« Grâce au Dr X j'ai retrouvé confiance en moi »"
  `[«"] ?${gap(8)}grace (?:au|a la|aux) (?:dr|docteur|docteure|pr|professeur|chirurgien|chirurgienne|dermato|dermatologue|praticien|praticienne|equipe du dr)`,
  // A five-star rating pasted into the post
  `(?:⭐|★)\ufe0f? ?(?:⭐|★)\ufe0f? ?(?:⭐|★)`,
];
/** A call to book: enough next to a testimonial in any account. */
const BOOKING_CALL = cues(
  `(?:prenez|prends|reservez|reserve|prise de) (?:votre |ton |vite )?(?:rdv|rendez-vous|rendez vous|seance|consultation)|(?:rdv|rendez-vous|reservation) (?:en ligne|sur doctolib|via doctolib)|reservez|sur (?:mon|ma|notre) (?:doctolib|agenda)|lien en bio|lien dans (?:ma|la) bio`,
);
/** Looser booking words, which only a staff member's own post turns into self-promotion. */
const BOOKING = cues(
  `rdv|rendez-vous|doctolib|reservez|reservation|cabinet|tarifs?|seances?|devis|prix|offre|code`,
);
/** "Lien en bio" is ordinary on its own; next to a brand or a product it sells something. */
const LINK_IN_BIO = [`lien en bio|lien dans (?:ma|la) bio|link in bio|lien en description`];
const COMMERCE = cues(
  `commander|commande|achetez|acheter|complements?|produits?|boutique|shop|marque|gelules|cures?|code`,
);

/** "code LEA10", "code : TILLEULS15": a word after "code" that ends in digits... */
// "promo" sits before the space, so the separators after "code" form one run (see cue-set.ts).
const CODE_WORD = [`code(?: promo)? [:=]? ?[«"]? ?[a-z][a-z0-9]*\\d{1,3}`];
/** ...written in capitals as codes are (checked on the original text), and not medical coding. */
const CAPITAL_CODE = /([A-Z][A-Z0-9]*\d{1,3})$/u;
const CODING_SYSTEM = /^(?:CIM|CCAM|NGAP|NABM|ICD|ATC|CIP|UCD)/u;

function isPromoCode(doc: GuardDocument, cue: Cue): boolean {
  const word = CAPITAL_CODE.exec(doc.text.slice(cue.start, cue.end))?.[1] ?? '';
  return word.length >= 4 && /[A-Z]{2}/u.test(word) && !CODING_SYSTEM.test(word);
}

/** Every sign, scanned together; each family has its own condition, checked after the match. */
const PROMOTION_FAMILY = 0;
const DISCOUNT_FAMILY = 1;
const TESTIMONIAL_FAMILY = 2;
const LINK_FAMILY = 3;
const CODE_FAMILY = 4;
const STAFF_FAMILY = 5;
const SIGNS = taggedCues([PROMOTION, DISCOUNT, TESTIMONIAL, LINK_IN_BIO, CODE_WORD, STAFF_PROMOTION]);

/** The first sign of advertising in the post, if any. */
export function promotion(doc: GuardDocument, context: GuardContext): Cue | null {
  const { folded } = doc;
  const staff = context === 'staff';
  // Each whole-post question is asked at most once, however many signs the post has: asking it
  // per sign made a long text quadratic.
  const sold = once(() => SOLD.has(folded));
  const booking = once(() => (staff ? BOOKING : BOOKING_CALL).has(folded));
  const commerce = once(() => COMMERCE.has(folded));
  return SIGNS.findWhere(folded, (cue, family) => {
    switch (family) {
      case PROMOTION_FAMILY:
        return true;
      case DISCOUNT_FAMILY:
        return sold();
      case TESTIMONIAL_FAMILY:
        return booking();
      case LINK_FAMILY:
        return commerce();
      case CODE_FAMILY:
        return isPromoCode(doc, cue);
      case STAFF_FAMILY:
        return staff;
      default:
        return false;
    }
  });
}

/** A question computed on first use, then remembered. */
function once(compute: () => boolean): () => boolean {
  let answer: boolean | undefined;
  return () => {
    answer ??= compute();
    return answer;
  };
}
