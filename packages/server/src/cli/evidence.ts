import { resolve } from 'node:path';
import { BundleError, type BundleReport, verifyBundle } from '../evidence/verify-bundle.js';
import { parseArgs } from './args.js';
import { oneLine, printable } from './display-text.js';
import { dataError, EXIT, inputError, usageError } from './exit-status.js';
import type { CliIo } from './io.js';

const HELP_POINTER = 'blouse evidence --help';

export const EVIDENCE_HELP = `Usage : blouse evidence verify ARCHIVE.zip [--json]

Vérifie une archive de preuves exportée par Blouse, sans rien extraire sur le disque :
  - l’empreinte SHA-256 et la taille de chaque fichier, comparées au manifeste ;
  - chaque maillon de la chaîne de preuves (prevHash, chainHash) et leur ordre ;
  - que l’archive ne contient ni fichier manquant, ni fichier ajouté, ni chemin dangereux.

Options :
  --json      affiche le résultat en JSON
  -h, --help  affiche cette aide

L’empreinte du manifeste est affichée : comparez-la à l’entrée « evidence.export » du
journal d’audit de l’établissement pour vous assurer que le manifeste est d’origine.

Codes de sortie : 0 archive intacte, 1 archive altérée (le détail dit quoi),
64 commande mal formée, 65 ce n’est pas une archive de preuves Blouse,
66 fichier introuvable ou illisible.

Exemple :
  blouse evidence verify preuves-INC-2026-0042.zip
`;

/** `blouse evidence`: tools for evidence exports (today, their verification). */
export async function evidenceCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action === '-h' || action === '--help' || action === 'help') {
    io.stdout.write(EVIDENCE_HELP);
    return EXIT.ok;
  }
  if (action === undefined) throw usageError('précisez l’action (verify).', HELP_POINTER);
  if (action !== 'verify')
    throw usageError(`action inconnue : « ${action} » (attendu : verify).`, HELP_POINTER);
  const args = parseArgs(rest, { flags: ['json'], values: [], help: HELP_POINTER });
  if (args.flags.has('help')) {
    io.stdout.write(EVIDENCE_HELP);
    return EXIT.ok;
  }
  const [path, ...extra] = args.positionals;
  if (path === undefined) throw usageError('indiquez l’archive à vérifier.', HELP_POINTER);
  if (extra.length > 0) throw usageError('une seule archive à la fois.', HELP_POINTER);

  let report: BundleReport;
  try {
    report = await verifyBundle(resolve(io.cwd, path));
  } catch (error) {
    if (error instanceof BundleError) {
      throw error.reason === 'unreadable'
        ? inputError(error.message)
        : dataError(`${printable(path)} : ${error.message}`);
    }
    throw error;
  }
  if (args.flags.has('json')) io.stdout.write(`${JSON.stringify(jsonReport(report), null, 2)}\n`);
  else io.stdout.write(render(report));
  return report.intact ? EXIT.ok : EXIT.warn;
}

function jsonReport(report: BundleReport) {
  const { manifest } = report;
  return {
    intact: report.intact,
    manifestSha256: report.manifestSha256,
    establishment: manifest.establishment,
    incident: manifest.incident,
    generatedAt: manifest.generatedAt,
    generatedBy: manifest.generatedBy,
    items: manifest.items.length,
    chainHead: manifest.chainHead,
    problems: report.problems,
  };
}

/** Names and titles come from the archive: shown on one line, escaped, they cannot drive the terminal. */
function render(report: BundleReport): string {
  const show = oneLine;
  const { manifest } = report;
  const lines = [
    report.intact
      ? `Archive intacte : ${manifest.items.length} pièce(s) de l’incident ${show(manifest.incident.reference)}, vérifiées une à une.`
      : `Archive altérée : ${report.problems.length} anomalie(s) pour l’incident ${show(manifest.incident.reference)}.`,
    `  Établissement : ${show(manifest.establishment.name)}`,
    `  Exportée le ${show(manifest.generatedAt)} par ${show(manifest.generatedBy.displayName)}`,
    `  Empreinte du manifeste (SHA-256) : ${report.manifestSha256}`,
    '  (à comparer avec l’entrée « evidence.export » du journal d’audit)',
  ];
  if (manifest.chainHead !== null) {
    lines.push(`  Tête de la chaîne à l’export : n° ${manifest.chainHead.seq}, ${manifest.chainHead.hash}`);
  }
  if (!report.intact) {
    lines.push('', 'Anomalies :');
    for (const problem of report.problems) lines.push(`  - ${show(problem.message)}`);
  }
  return `${lines.join('\n')}\n`;
}
