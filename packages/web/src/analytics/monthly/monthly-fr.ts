/** The monthly report's words in French, the reference: monthly-en.ts has the same keys. */
export const monthlyFr = {
  title: 'Rapport mensuel',
  intro:
    'Le rapport du mois en PDF : chiffres clés, graphiques, délais de réponse et incidents marquants, sans aucune donnée personnelle. Il part à la direction le premier jour ouvré du mois suivant.',
  month: 'Mois',
  download: 'Télécharger le rapport du mois (PDF)',
  current: '{{month}} — en cours, provisoire',
  sent: '{{month}} — envoyé le {{date}}',
  archived: '{{month}} — archivé',
  notYet: '{{month}}',
  partial:
    'Vous ne lisez pas tous les établissements du groupe : le rapport est établi sur les vôtres, il n’est pas celui envoyé à la direction du groupe.',
};
