import { randomUUID } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { normalizeEmail, passwordPolicyViolation } from '../accounts/passwords.js';
import { findUserByEmail, insertMembership, membership } from '../accounts/repository.js';
import { createMember } from '../accounts/users-service.js';
import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { openStorage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { ROLES, type Role } from '../db/schema.js';
import { systemClock } from '../http/clock.js';
import { type AppContext, inUnit } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { parseArgs } from './args.js';
import { CliError, dataError, EXIT, usageError } from './exit-status.js';
import type { CliIo } from './io.js';
import { readStdin } from './read-input.js';

const HELP_POINTER = 'blouse user --help';

const ROLE_LABELS: Record<Role, string> = {
  admin: 'administrateur',
  direction: 'direction de l’établissement',
  communication: 'direction de la communication',
  community_manager: 'community manager',
  legal: 'service juridique et DPO',
  agent: 'agent',
};

export const USER_HELP = `Usage : blouse user create --email ADRESSE --name NOM
                          (--establishment ID | --establishment-name NOM)
                          --role RÔLE [--password-stdin]

Crée un compte et lui donne un rôle dans un établissement (par exemple le premier
administrateur). La base est DATABASE_URL, sinon sqlite:./data/blouse.sqlite ; son schéma
est d’abord mis à jour.

Options :
  --email ADRESSE             l’adresse e-mail, qui sert d’identifiant
  --name NOM                  le nom affiché
  --establishment ID          l’établissement, par son identifiant
  --establishment-name NOM    l’établissement, par son nom (créé s’il n’existe pas)
  --role RÔLE                 le rôle dans l’établissement :
${ROLES.map((role) => `                                ${role.padEnd(18)}${ROLE_LABELS[role]}`).join('\n')}
  --password-stdin            lit le mot de passe sur l’entrée standard (au moins 12
                              caractères) ; sans cette option, le compte se connecte
                              seulement par l’authentification unique de l’établissement
  -h, --help                  affiche cette aide

Si le compte existe déjà (même adresse) et sans --password-stdin, le rôle est ajouté dans
l’établissement, sans rien changer d’autre au compte.

Codes de sortie : 0 compte créé, 64 commande mal formée, 65 valeur refusée (adresse,
mot de passe trop court, établissement inconnu…), 78 configuration invalide.

Exemples :
  blouse user create --email dircom@chu-valmont.fr --name "Claire Dubois" \\
    --establishment-name "CHU de Valmont" --role admin --password-stdin < mot-de-passe.txt
  blouse user create --email agent@chu-valmont.fr --name "Paul Martin" \\
    --establishment 6f1c… --role agent
`;

/** `blouse user create`: creates an account with a role, from the server's own shell. */
export async function userCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['password-stdin'],
    values: ['email', 'name', 'establishment', 'establishment-name', 'role'],
    help: HELP_POINTER,
  });
  if (args.flags.has('help')) {
    io.stdout.write(USER_HELP);
    return EXIT.ok;
  }
  const [action, ...extra] = args.positionals;
  if (action !== 'create') {
    throw usageError(
      action === undefined
        ? 'action manquante : « blouse user create … ».'
        : `action inconnue : « ${action} ».`,
      HELP_POINTER,
    );
  }
  if (extra.length > 0) throw usageError(`argument inattendu : « ${extra[0]} ».`, HELP_POINTER);
  const required = (name: string): string => {
    const value = args.values.get(name);
    if (value === undefined) throw usageError(`l’option --${name} est obligatoire.`, HELP_POINTER);
    return value;
  };
  const rawEmail = required('email');
  const name = required('name').trim();
  const roleName = required('role');
  const establishmentId = args.values.get('establishment');
  const establishmentName = args.values.get('establishment-name')?.trim();
  if ((establishmentId === undefined) === (establishmentName === undefined)) {
    throw usageError('donnez --establishment ou --establishment-name (un seul des deux).', HELP_POINTER);
  }
  if (!(ROLES as readonly string[]).includes(roleName)) {
    throw usageError(
      `rôle inconnu : « ${roleName} » (valeurs possibles : ${ROLES.join(', ')}).`,
      HELP_POINTER,
    );
  }
  const role = roleName as Role;

  const email = normalizeEmail(rawEmail);
  if (!z.email().max(254).safeParse(email).success)
    throw dataError(`adresse e-mail invalide : « ${rawEmail} ».`);
  if (name === '' || name.length > 120) throw dataError('le nom doit compter de 1 à 120 caractères.');
  if (establishmentName !== undefined && (establishmentName === '' || establishmentName.length > 200)) {
    throw dataError('le nom de l’établissement doit compter de 1 à 200 caractères.');
  }
  let password: string | undefined;
  if (args.flags.has('password-stdin')) {
    // One line: the trailing newline of `echo` or of a file is not part of the password.
    password = (await readStdin(io.stdin, 4096)).replace(/\r?\n$/, '');
    const violation = passwordPolicyViolation(password, email);
    if (violation !== null) throw dataError(`mot de passe refusé : ${lowerFirst(violation)}`);
  }

  const context = openContext(io);
  try {
    await migrateToLatest(context.storage);
    const establishment = await resolveEstablishment(context, establishmentId, establishmentName);
    const existing = await findUserByEmail(context.storage.db, email);
    if (existing !== undefined) {
      if (password !== undefined) {
        throw dataError('un compte existe déjà avec cette adresse : son mot de passe n’est pas modifié ici.');
      }
      if ((await membership(context.storage.db, existing.id, establishment.id)) !== undefined) {
        throw dataError(`${email} a déjà un rôle dans « ${establishment.name} ».`);
      }
      await inUnit(context, async (unit) => {
        await insertMembership(unit.trx, existing.id, establishment.id, role, unit.now);
        await unit.audit({
          establishmentId: establishment.id,
          actorId: null,
          action: 'user.membership_add',
          targetType: 'user',
          targetId: existing.id,
          detail: { role, method: 'cli' },
        });
      });
      io.stdout.write(
        `Rôle ajouté : ${email} est ${ROLE_LABELS[role]} dans « ${establishment.name} » (${establishment.id}).\n`,
      );
      return EXIT.ok;
    }
    const member = await createMember(context, null, establishment.id, {
      email,
      displayName: name,
      role,
      password,
    });
    io.stdout.write(
      `Compte créé : ${member.email} (${member.displayName}), ${ROLE_LABELS[role]} dans « ${establishment.name} » (${establishment.id}).\n` +
        (password === undefined
          ? 'Connexion : par l’authentification unique de l’établissement seulement (aucun mot de passe).\n'
          : 'Connexion : avec ce mot de passe.\n'),
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Problem) throw dataError(lowerFirst(error.detail));
    throw error;
  } finally {
    await context.storage.close();
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The server's configuration from the environment; a relative SQLite path is taken from io.cwd. */
function openContext(io: CliIo): AppContext {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 78);
    throw error;
  }
  let url = config.databaseUrl;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:' && !isAbsolute(path)) url = `sqlite:${resolve(io.cwd, path)}`;
  }
  return { storage: openStorage(url), config: { ...config, databaseUrl: url }, clock: systemClock };
}

async function resolveEstablishment(
  context: AppContext,
  id: string | undefined,
  name: string | undefined,
): Promise<{ id: string; name: string }> {
  const { db } = context.storage;
  if (id !== undefined) {
    const found = await db
      .selectFrom('establishments')
      .select(['id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (found === undefined) throw dataError(`établissement inconnu : « ${id} ».`);
    return found;
  }
  const wanted = name as string;
  const matches = await db
    .selectFrom('establishments')
    .select(['id', 'name'])
    .where('name', '=', wanted)
    .execute();
  if (matches.length > 1) {
    throw dataError(`plusieurs établissements s’appellent « ${wanted} » : donnez --establishment ID.`);
  }
  const [found] = matches;
  if (found !== undefined) return found;
  const created = { id: randomUUID(), name: wanted };
  await inUnit(context, async (unit) => {
    await unit.trx
      .insertInto('establishments')
      .values({ ...created, group_id: null, guard_lists: '{}', created_at: unit.now.toISOString() })
      .execute();
    await unit.audit({
      establishmentId: created.id,
      actorId: null,
      action: 'establishment.create',
      targetType: 'establishment',
      targetId: created.id,
      detail: { name: wanted, method: 'cli' },
    });
  });
  return created;
}
