import type { AppContext } from '../http/context.js';
import { parseReportForm } from '../reports/report-form.js';
import { fileReport } from '../reports/report-service.js';

/** Fictitious messages, as staff would report them: every name and place is invented. */
const DEMO_REPORTS: readonly Record<string, string>[] = [
  {
    url: 'https://www.facebook.com/groups/vivre-a-demoville/posts/1001',
    network: 'facebook',
    excerpt:
      'Ma voisine Mme Lebrun est hospitalisée au CHU de Démonstration, chambre 214, pour un cancer du pancréas. Priez pour elle !',
    seen_where: 'Groupe Facebook « Vivre à Démoville »',
    note: 'Publié par une visiteuse, déjà partagé une dizaine de fois.',
    anonymous: 'false',
  },
  {
    url: 'https://x.com/demo_compte/status/2002',
    network: 'x',
    excerpt:
      '4 h d’attente aux urgences du CHU de Démonstration cette nuit, personne pour nous informer. Honteux.',
    seen_where: 'Fil X, mentions de l’établissement',
    note: '',
    anonymous: 'true',
  },
  {
    url: 'https://www.tiktok.com/@demo/video/3003',
    network: 'tiktok',
    excerpt:
      'L’infirmière de nuit de pneumologie, je sais où elle habite : 12 rue des Lilas. Elle va comprendre ce qu’elle a fait.',
    seen_where: 'Vidéo TikTok, commentaires',
    note: 'Menace envers une collègue : urgent.',
    anonymous: 'false',
  },
];

/** Files the demo reports as the demo agent, so that the incident desk has something to show. */
export async function seedDemoReports(
  context: AppContext,
  establishmentId: string,
  agentId: string,
): Promise<void> {
  for (const fields of DEMO_REPORTS) {
    // The server files these itself: no client address, and no filing limit is used up.
    const sender = { userId: agentId, address: null };
    await fileReport(context, establishmentId, sender, parseReportForm(fields, context.clock()), []);
  }
}
