import type { EvalSplit } from './face-pool.js';

/**
 * What the evaluation set writes on boards, door labels, screens and wristbands. The sensitive
 * lines name a patient with a room, a bed, a birth date or a record number; the ordinary ones are
 * what a ward really shows. Names are frequent French surnames and first names (INSEE's lists,
 * facts); the development and blind sets use different names and different wordings, so that the
 * blind figures say whether the guard reads a board, not whether it knows our templates.
 */
const SURNAMES = {
  dev: ['Durand', 'Lefebvre', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux'],
  blind: [
    'Vincent',
    'Fournier',
    'Morel',
    'Girard',
    'André',
    'Mercier',
    'Dupont',
    'Lambert',
    'Bonnet',
    'François',
  ],
} as const;
const FIRST_NAMES = {
  dev: ['Jeanne', 'Marcel', 'Monique', 'Bernard', 'Nathalie', 'Louis', 'Sylvie', 'André'],
  blind: ['Françoise', 'Michel', 'Catherine', 'Jacques', 'Isabelle', 'Pierre', 'Martine', 'Henri'],
} as const;

type Pick = <T>(items: readonly T[]) => T;

interface Person {
  readonly surname: string;
  readonly firstName: string;
  readonly room: number;
  readonly born: string;
}

const SENSITIVE: Record<EvalSplit, readonly ((p: Person) => string[])[]> = {
  dev: [
    (p) => [`Mme ${p.surname}`, `chambre ${p.room}`],
    (p) => [`M. ${p.surname.toUpperCase()} ${p.firstName}`, `Lit ${p.room % 40}`],
    (p) => [`Chambre ${p.room} : ${p.firstName} ${p.surname}`],
    (p) => [`${p.surname.toUpperCase()} ${p.firstName}`, `né(e) le ${p.born}`],
    (p) => [`Ch ${p.room} Mme ${p.surname}`],
  ],
  blind: [
    (p) => [`${p.firstName} ${p.surname}, box ${p.room % 20}`],
    (p) => [
      `Patient : ${p.surname.toUpperCase()} ${p.firstName}`,
      `IPP ${p.room}${p.born.replaceAll('/', '')}`,
    ],
    (p) => [`M. ${p.surname} sortie demain`],
    (p) => [`${p.room} - Mme ${p.surname} (à jeun)`],
    (p) => [`Mme ${p.firstName} ${p.surname.toUpperCase()}`, `DDN ${p.born}`],
  ],
};

const ORDINARY: Record<EvalSplit, readonly string[][]> = {
  dev: [
    ['Service de cardiologie'],
    ['Sortie de secours'],
    ['Lavage des mains', 'obligatoire'],
    ['Réunion d’équipe à 14 h'],
    ['Salle de pause'],
    ['Bienvenue au bloc opératoire'],
  ],
  blind: [
    ['Accueil des urgences'],
    ['Port du masque recommandé'],
    ['Ne pas encombrer', 'le couloir'],
    ['Pharmacie'],
    ['Merci de votre visite'],
    ['Consultations', 'niveau 2'],
  ],
};

export function sensitiveLines(split: EvalSplit, pick: Pick, random: () => number): string[] {
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const person: Person = {
    surname: pick(SURNAMES[split]),
    firstName: pick(FIRST_NAMES[split]),
    room: 100 + Math.floor(random() * 400),
    born: `${day}/${month}/19${30 + Math.floor(random() * 60)}`,
  };
  return pick(SENSITIVE[split])(person);
}

export function ordinaryLines(split: EvalSplit, pick: Pick): string[] {
  return [...pick(ORDINARY[split])];
}
