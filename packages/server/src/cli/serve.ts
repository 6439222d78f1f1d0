import { ConfigError, loadConfig } from '../config/config.js';
import { type RunningServer, startServer } from '../runtime/serve.js';
import { parseArgs } from './args.js';
import { CliError, EXIT, usageError } from './exit-status.js';
import type { CliIo } from './io.js';

export const SERVE_HELP = `Usage : blouse serve [--port N] [--host ADRESSE]

Lance l’application : l’API (documentation sur /api/docs), avec sa base de données.

Par défaut : http://localhost:8080, base SQLite dans ./data/blouse.sqlite et mode démo
(un établissement de démonstration et un compte par rôle, dont les mots de passe sont tirés à
chaque démarrage et affichés une seule fois ; ces comptes n’ouvrent rien hors du mode démo).

Variables d’environnement :
  DATABASE_URL          postgres://… ou sqlite:CHEMIN (le mode démo est alors désactivé,
                        sauf BLOUSE_DEMO=true)
  BLOUSE_PORT           port d’écoute (8080)
  BLOUSE_HOST           adresse d’écoute (127.0.0.1)
  BLOUSE_PUBLIC_URL     adresse publique (liens, authentification unique)
  BLOUSE_DEMO           true ou false
  BLOUSE_LOG_LEVEL      fatal, error, warn, info, debug, trace ou silent (info)
  BLOUSE_MAX_FILE_MB    taille maximale d’une capture ou d’une preuve (10)
  BLOUSE_SESSION_HOURS  durée d’une session (12)
  BLOUSE_TRUST_PROXY    nombre de mandataires inverses de confiance devant le serveur (0)
                        (leur X-Forwarded-Proto: https déclenche HSTS ; une adresse publique
                        en https aussi)
  BLOUSE_REQUEST_TIMEOUT_S    durée maximale de réception d’une requête entière (60)
  BLOUSE_HEADERS_TIMEOUT_S    durée maximale de réception des en-têtes (15)
  BLOUSE_KEEP_ALIVE_S         connexion inactive gardée entre deux requêtes (10)
  BLOUSE_IDLE_TIMEOUT_S       connexion sans aucun échange (60)
  BLOUSE_CHECKS_IN_FLIGHT     vérifications simultanées par personne (2)
  BLOUSE_CHECKS_PER_MINUTE    vérifications comptées par personne et par minute (60)
  BLOUSE_PREVIEWS_PER_MINUTE  vérifications pendant la saisie, par personne et par minute (600)
  BLOUSE_GUARD_WORKER_FROM_CHARS  longueur à partir de laquelle un texte est analysé dans un
                              worker (2000)
  BLOUSE_GUARD_WORKERS        workers d’analyse (2)
  BLOUSE_GUARD_QUEUE          analyses longues en attente au plus (32)
  BLOUSE_GUARD_TIMEOUT_S      durée maximale d’une analyse dans un worker (15)
  BLOUSE_REPORTS_PER_USER     signalements signés par personne et par 10 minutes (10)
  BLOUSE_REPORTS_PER_ADDRESS  signalements anonymes par adresse et par 10 minutes (20)
  BLOUSE_MENTION_RETENTION_DAYS  jours de conservation des mentions de la veille non rattachées
                              à un incident (90)
  BLOUSE_SECRET_KEY           clé (32 octets en base64) qui chiffre les comptes des réseaux du
                              bureau de publication ; sans elle, aucun compte ne se connecte
  BLOUSE_SECRET_OLD_KEYS      anciennes clés, séparées par des virgules, le temps de
                              « blouse secrets rotate »
  SMTP_URL              serveur de courriel de la cellule (smtp://… ou smtps://… ; sans lui,
                        aucun courriel, les notifications restent dans l’application)
  MAIL_FROM             expéditeur des courriels (« Blouse <blouse@chu.fr> »), requis avec SMTP_URL

Arrêt : Ctrl+C.
`;

const HELP_POINTER = 'blouse serve --help';
/** EX_CONFIG from sysexits.h: the configuration is wrong. */
const EXIT_CONFIG = 78;

/** `blouse serve`: runs until SIGINT or SIGTERM; `running` lets tests stop it. */
export async function serveCommand(
  argv: readonly string[],
  io: CliIo,
  onStarted?: (server: RunningServer) => void,
): Promise<number> {
  const args = parseArgs(argv, { flags: [], values: ['port', 'host'], help: HELP_POINTER });
  if (args.flags.has('help')) {
    io.stdout.write(SERVE_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0)
    throw usageError(`argument inattendu : « ${args.positionals[0]} ».`, HELP_POINTER);
  const env = { ...io.env };
  const port = args.values.get('port');
  const host = args.values.get('host');
  if (port !== undefined) env.BLOUSE_PORT = port;
  if (host !== undefined) env.BLOUSE_HOST = host;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT_CONFIG);
    throw error;
  }
  const server = await startServer(config);
  io.stdout.write(`\nBlouse est en service : ${server.url}\n`);
  io.stdout.write(`Documentation de l’API : ${server.url}/api/docs\n`);
  io.stdout.write(`Base de données : ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}\n`);
  if (server.demoAccounts.length > 0) {
    io.stdout.write(
      '\nMode démo : comptes de démonstration (mots de passe valables jusqu’au prochain démarrage)\n',
    );
    for (const account of server.demoAccounts) {
      io.stdout.write(`  ${account.role.padEnd(18)} ${account.email.padEnd(32)} ${account.password}\n`);
    }
    io.stdout.write('Ces comptes n’ouvrent rien hors du mode démo.\n');
  }
  io.stdout.write('\nCtrl+C pour arrêter.\n');
  onStarted?.(server);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    server.app.server.once('close', stop);
  });
  await server.stop().catch(() => undefined);
  return EXIT.ok;
}
