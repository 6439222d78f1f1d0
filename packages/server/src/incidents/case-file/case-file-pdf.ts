import PDFDocument from 'pdfkit';
import type { EvidenceKind } from '../../evidence/evidence-service.js';
import { dejaVuFonts } from '../../platform/pdf/dejavu-fonts.js';
import type { CaseFile } from './case-file-data.js';

const paris = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
const when = (iso: string | null): string => (iso === null ? 'non renseignée' : paris.format(new Date(iso)));

/** evidence-service.ts EVIDENCE_KINDS, said in French. */
const EVIDENCE_KINDS: Readonly<Record<EvidenceKind, string>> = {
  screenshot: 'capture d’écran',
  page: 'page enregistrée',
  text: 'texte capturé',
  document: 'document',
  other: 'autre pièce',
};

const DEADLINE_STATES: Readonly<Record<string, string>> = {
  ok: 'à venir',
  soon: 'proche',
  passed: 'dépassée',
  met: 'respectée',
};

/**
 * Lays the case file out as an A4 PDF and returns the document, a readable stream: the caller
 * pipes it to the response as pages are written rather than holding the whole file.
 */
export function renderCaseFile(file: CaseFile): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: false,
    info: { Title: `Dossier ${file.reference}`, Author: file.establishment, Creator: 'Blouse' },
    lang: 'fr-FR',
  });
  const { regular, bold } = dejaVuFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const heading = (text: string) => {
    doc.moveDown(0.8).font('bold').fontSize(13).text(text).moveDown(0.3).font('regular').fontSize(10);
  };
  const line = (label: string, value: string) => {
    doc.font('bold').text(`${label} : `, { continued: true }).font('regular').text(value);
  };

  doc.font('bold').fontSize(18).text(`Dossier d’incident ${file.reference}`);
  doc.font('regular').fontSize(10).fillColor('#444').text(file.establishment).fillColor('black');
  doc
    .moveDown(0.3)
    .text(`Établi le ${when(file.generatedAt)} par ${file.generatedBy}, à partir du journal de Blouse.`);

  heading('Incident');
  line('Référence', file.reference);
  line('Titre', file.title);
  line('État', file.status);
  line('Gravité', file.severity);
  line('Catégorie', file.category);
  if (file.network !== null) line('Réseau', file.network);
  if (file.url !== null) line('Adresse du contenu', file.url);
  line('Ouvert le', when(file.createdAt));
  line('Première publication', when(file.firstPublishedAt));
  line('Prise de connaissance d’une violation', when(file.breachAwareAt));
  if (file.notice !== null) {
    line('Notification à la plateforme', `envoyée le ${when(file.notice.sentAt)} (${file.notice.channel})`);
  }

  heading('Échéances');
  if (file.deadlines.length === 0) doc.text('Aucune échéance légale.');
  for (const deadline of file.deadlines) {
    doc.text(
      `• ${deadline.label} : ${when(deadline.dueAt)} (${DEADLINE_STATES[deadline.state] ?? deadline.state})`,
    );
  }

  heading('Décisions');
  if (file.decisions.length === 0) doc.text('Aucune décision enregistrée.');
  for (const decision of file.decisions) {
    doc.text(`• ${when(decision.at)} — ${decision.label}, par ${decision.author}`);
    if (decision.note !== null && decision.note !== '') doc.text(`  ${decision.note}`, { indent: 12 });
  }

  heading('Historique');
  for (const entry of file.timeline) {
    doc.text(`• ${when(entry.at)} — ${entry.actor} : ${entry.text}`);
  }

  heading('Preuves conservées');
  if (file.evidence.length === 0) doc.text('Aucune preuve conservée.');
  for (const item of file.evidence) {
    doc.font('bold').text(`n° ${item.seq} — ${item.fileName}`).font('regular');
    doc.text(
      `Saisie le ${when(item.capturedAt)}${item.capturedBy === null ? '' : ` par ${item.capturedBy}`} (${EVIDENCE_KINDS[item.kind as EvidenceKind] ?? item.kind})`,
    );
    doc.text(`SHA-256 : ${item.sha256}`);
    doc.text(`Maillon de la chaîne : ${item.chainHash}`).moveDown(0.3);
  }
  doc.moveDown(0.5);
  doc.text(
    file.chainHead === null
      ? 'La chaîne des preuves de l’établissement est vide.'
      : `Tête de la chaîne des preuves de l’établissement : maillon n° ${file.chainHead.seq}, ${file.chainHead.hash}. ` +
          'Elle se vérifie avec « blouse evidence verify » sur l’export des preuves.',
  );
  doc.end();
  return doc;
}
