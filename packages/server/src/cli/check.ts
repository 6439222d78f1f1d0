import { analyze, CONTEXTS, type GuardContext } from '@blouse/guard';
import { type ParsedArgs, parseArgs } from './args.js';
import { checkImageCommand } from './check-image.js';
import { renderCheckReport } from './check-report.js';
import { printable } from './display-text.js';
import { EXIT, usageError } from './exit-status.js';
import { type CliIo, useColour } from './io.js';
import { CONTEXT_ALIASES, CONTEXT_LABELS } from './labels.js';
import { readStdin, readTextFile } from './read-input.js';

const HELP_POINTER = 'blouse check --help';

export const CHECK_HELP = `Usage : blouse check [TEXTE | - | --file FICHIER] [--context CONTEXTE] [--json | --redact]
        blouse check --image FICHIER [--json] [--fix COPIE]

Vérifie un texte ou une photo avant publication et explique ce qui pose problème.

Le texte à vérifier (une seule source) :
  TEXTE             le texte lui-même, entre guillemets
  -                 le texte lu sur l’entrée standard
  --file FICHIER    le texte lu dans un fichier (UTF-8)

Une photo (JPEG, PNG, WebP, AVIF, HEIC ; 64 Mio au plus) :
  --image FICHIER   ce que dit le fichier (position GPS, auteur ou propriétaire de
                    l’appareil), les visages, et le texte lu à l’arrière-plan (tableau,
                    porte, écran), relu par le garde dans le --context donné
  --fix COPIE       écrit une copie sûre : sans métadonnées, tournée comme elle s’affiche,
                    visages et textes sensibles masqués (jamais par-dessus un fichier existant)

Options :
  --context CONTEXTE  qui publie (par défaut : staff ; les noms français institutionnel,
                      réponse et personnel sont aussi acceptés) :
${CONTEXTS.map((context) => `                        ${context.padEnd(15)}${CONTEXT_LABELS[context]}`).join('\n')}
  --json              affiche le rapport complet en JSON
  --redact            affiche seulement le texte avec les éléments sensibles masqués
  -h, --help          affiche cette aide

Codes de sortie : 0 publication possible, 1 à revoir avant publication,
2 ne pas publier en l’état, 64 commande mal formée, 65 texte trop long
(plus de 1 Mio), 66 fichier illisible.

Exemples :
  blouse check "Mme D., 92 ans, chambre 214"
  blouse check --image photo-du-service.jpg --fix photo-sure.jpg
  blouse check --file brouillon.txt --context institutional
  echo "Merci à toute l’équipe !" | blouse check - --context public --json
  blouse check -- "-Urgent : un texte qui commence par un tiret"
`;

/** `blouse check`: analyses one text and reports; the exit status carries the verdict. */
export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['json', 'redact'],
    values: ['context', 'file', 'image', 'fix'],
    help: HELP_POINTER,
    takesText: true,
  });
  if (args.flags.has('help')) {
    io.stdout.write(CHECK_HELP);
    return EXIT.ok;
  }
  if (args.values.has('image')) return checkImageCommand(args, io, contextOf(args));
  if (args.values.has('fix'))
    throw usageError('--fix écrit la copie sûre d’une image : il va avec --image FICHIER.', HELP_POINTER);
  if (args.flags.has('json') && args.flags.has('redact')) {
    throw usageError('--json et --redact ne vont pas ensemble : choisissez l’une des deux.', HELP_POINTER);
  }
  const context = contextOf(args);
  const text = await readText(args, io);

  const report = analyze(text, { context });
  if (args.flags.has('json')) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  // The redacted text is the user's own text: on a terminal its escapes would be obeyed, in a
  // pipe they are data the next program may want intact.
  else if (args.flags.has('redact'))
    io.stdout.write(`${io.isTTY ? printable(report.redacted) : report.redacted}\n`);
  else io.stdout.write(renderCheckReport(text, report, useColour(io)));

  return report.verdict === 'block' ? EXIT.block : report.verdict === 'warn' ? EXIT.warn : EXIT.ok;
}

function contextOf(args: ParsedArgs): GuardContext {
  const given = args.values.get('context');
  if (given === undefined) return 'staff';
  const name = given.toLowerCase();
  // hasOwn: « --context constructor » or « __proto__ » must be unknown, not Object's prototype.
  const context = (CONTEXTS as readonly string[]).includes(name)
    ? (name as GuardContext)
    : Object.hasOwn(CONTEXT_ALIASES, name)
      ? CONTEXT_ALIASES[name]
      : undefined;
  if (context === undefined) {
    throw usageError(
      `contexte inconnu : « ${given} » (valeurs possibles : ${CONTEXTS.join(', ')}).`,
      HELP_POINTER,
    );
  }
  return context;
}

async function readText(args: ParsedArgs, io: CliIo): Promise<string> {
  const file = args.values.get('file');
  const sources = args.positionals.length + (file === undefined ? 0 : 1);
  if (sources === 0) {
    throw usageError(
      'aucun texte à vérifier : donnez un texte, « - » pour l’entrée standard, ou --file FICHIER.',
      HELP_POINTER,
    );
  }
  if (sources > 1) {
    throw usageError(
      args.positionals.length > 1 && file === undefined
        ? `un seul texte attendu, ${args.positionals.length} reçus : mettez le texte entre guillemets.`
        : 'un seul texte à la fois : un texte, « - » ou --file, pas plusieurs.',
      HELP_POINTER,
    );
  }
  if (file !== undefined) return readTextFile(file, io.cwd);
  const [positional] = args.positionals;
  return positional === '-' ? readStdin(io.stdin) : (positional as string);
}
