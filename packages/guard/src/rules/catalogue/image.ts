import type { RuleDefinition } from '../rule.js';

/** Images, video and sound. */
export const IMAGE_RULES: readonly RuleDefinition[] = [
  {
    id: 'IMAGE-01',
    family: 'IMAGE',
    statement: {
      fr: "Aucune image ni voix d'un patient sans son consentement écrit, préalable et précis (celui des deux parents pour un mineur).",
      en: 'No image or voice of a patient without prior written, specific consent (both parents for a minor).',
    },
    basis: 'C. civ. 9, 372-1; C. pén. 226-1, 226-2; RGPD art. 9',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: "Ce message montre ou fait entendre un patient. Sans son accord écrit recueilli par le service communication, c'est une atteinte à son image et au secret.",
      en: 'This post shows a patient or lets them be heard. Without written consent collected by the communication department, it breaches their image rights and secrecy.',
    },
    fix: {
      kind: 'remove',
      text: {
        fr: "Retirez la photo, la vidéo ou l'enregistrement ; si vous souhaitez publier, passez par le service communication pour recueillir un consentement écrit.",
        en: 'Remove the photo, video or recording; if you want to publish, go through the communication department to collect written consent.',
      },
    },
  },
  {
    id: 'IMAGE-02',
    family: 'IMAGE',
    statement: {
      fr: "Vérifiez l'arrière-plan de toute photo prise dans un lieu de soins : patients, écrans, tableaux blancs, bracelets, dossiers.",
      en: 'Check the background of any photo taken in a care area: patients, screens, whiteboards, wristbands, files.',
    },
    basis: 'C. pén. 226-13; CSP L1110-4',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: "Une photo prise dans un lieu de soins montre souvent plus qu'on ne croit : un patient au fond, un écran, un tableau avec des noms. Un seul détail suffit à trahir le secret.",
      en: 'A photo taken in a care area often shows more than you think: a patient in the back, a screen, a board with names. One detail is enough to breach secrecy.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Vérifiez l'arrière-plan et recadrez, ou reprenez la photo dans un lieu sans patient ni écran ni tableau (salle de pause vide, extérieur).",
        en: 'Check the background and crop, or retake the photo somewhere with no patient, screen or board (empty break room, outdoors).',
      },
    },
  },
  {
    id: 'IMAGE-03',
    family: 'IMAGE',
    statement: {
      fr: "Demandez l'accord de vos collègues avant de publier leur image ou de les identifier.",
      en: 'Ask colleagues before publishing their image or tagging them.',
    },
    basis: 'C. civ. 9',
    verdict: 'warn',
    detectableInText: true,
    explanation: {
      fr: 'Vos collègues ont droit à leur image. Certains ne veulent pas apparaître en ligne, parfois pour leur sécurité.',
      en: 'Your colleagues have rights over their image. Some do not want to appear online, sometimes for their own safety.',
    },
    fix: {
      kind: 'rewrite',
      text: {
        fr: "Demandez d'abord leur accord ; sans réponse claire, retirez l'identification ou la photo.",
        en: 'Ask for their consent first; without a clear answer, remove the tag or the photo.',
      },
    },
  },
  {
    id: 'IMAGE-05',
    family: 'IMAGE',
    statement: {
      fr: 'Aucune image de personne décédée, de scène opératoire ou de situation dégradante.',
      en: 'No images of deceased people, operating scenes or degrading situations.',
    },
    basis: 'CGFP L121-1; C. civ. 16-1-1',
    verdict: 'block',
    detectableInText: true,
    explanation: {
      fr: 'Ces images portent atteinte à la dignité des personnes, vivantes ou décédées, même sans visage visible.',
      en: 'Such images harm the dignity of people, living or dead, even when no face is visible.',
    },
    fix: {
      kind: 'remove',
      text: {
        fr: "Supprimez l'image ; pour illustrer le bloc ou un soin, utilisez les photos validées par le service communication.",
        en: 'Delete the image; to illustrate the operating room or care, use photos approved by the communication department.',
      },
    },
  },
];
