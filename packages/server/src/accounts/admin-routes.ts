import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { component } from '../http/openapi.js';
import { forbidden } from '../http/problem.js';
import { safeLine } from '../http/safe-text.js';
import { resetPassword, setAccountDisabled } from './account-admin-service.js';
import {
  createGroup,
  establishmentsOf,
  readGuardLists,
  setGroup,
  writeGuardLists,
} from './establishment-service.js';
import { guardListsOutSchema, guardListsSchema } from './guard-lists.js';
import {
  displayNameSchema,
  emailSchema,
  establishmentParams,
  idSchema,
  passwordSchema,
  problemSchema,
  roleOutSchema,
  roleSchema,
} from './schemas.js';
import { changeRole, createMember, listMembers, removeMember } from './users-service.js';

const ADMIN = ['admin'] as const;
const GUARD_LIST_READERS = ['admin', 'communication'] as const;

const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleOutSchema,
  hasPassword: z.boolean(),
  sso: z.boolean(),
  disabled: z.boolean(),
});
component(memberSchema, 'Member');
const memberPageSchema = component(
  z.object({ items: z.array(memberSchema), total: z.number().int() }),
  'MemberPage',
);
const userParams = establishmentParams.extend({ userId: idSchema });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Establishments, their guard lists, their users and roles, groups. */
export function adminRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/establishments',
      {
        schema: {
          tags: ['établissements'],
          summary: 'Mes établissements et mon rôle dans chacun',
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                role: roleOutSchema,
                groupId: z.string().nullable(),
              }),
            ),
            401: problemSchema,
          },
        },
      },
      async (request) => establishmentsOf(context, requireSession(request).user.id),
    );

    app.get(
      '/api/establishments/:establishmentId/guard-lists',
      {
        schema: {
          tags: ['établissements'],
          summary:
            'Les listes de l’établissement utilisées par la vérification (administrateur, communication)',
          params: establishmentParams,
          response: { 200: guardListsOutSchema, ...errors },
        },
      },
      async (request) => {
        // The lists name staff (consenting staff, public figures): only those who maintain them
        // or answer for communication read them; the check reads them server-side for everyone.
        requireRole(request, request.params.establishmentId, GUARD_LIST_READERS);
        return readGuardLists(context, request.params.establishmentId);
      },
    );

    app.put(
      '/api/establishments/:establishmentId/guard-lists',
      {
        schema: {
          tags: ['établissements'],
          summary: 'Remplacer les listes de l’établissement (administrateur)',
          params: establishmentParams,
          body: guardListsSchema,
          response: { 200: guardListsOutSchema, ...errors },
        },
      },
      async (request) => {
        requireRole(request, request.params.establishmentId, ADMIN);
        const session = requireSession(request);
        return writeGuardLists(context, session.user.id, request.params.establishmentId, request.body);
      },
    );

    app.get(
      '/api/establishments/:establishmentId/users',
      {
        schema: {
          tags: ['utilisateurs'],
          summary: 'Les utilisateurs de l’établissement, par nom, filtrés et paginés (administrateur)',
          description: 'q : une partie du nom ou de l’adresse e-mail, sans tenir compte de la casse.',
          params: establishmentParams,
          querystring: z.strictObject({
            q: safeLine(0, 120).default(''),
            offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
            limit: z.coerce.number().int().min(1).max(100).default(50),
          }),
          response: { 200: memberPageSchema, ...errors },
        },
      },
      async (request) => {
        requireRole(request, request.params.establishmentId, ADMIN);
        return listMembers(context, request.params.establishmentId, request.query);
      },
    );

    for (const [verb, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      app.post(
        `/api/establishments/:establishmentId/users/:userId/${verb}`,
        {
          schema: {
            tags: ['utilisateurs'],
            summary: disabled
              ? 'Désactiver un compte : plus de connexion, sessions fermées, l’historique reste (administrateur)'
              : 'Réactiver un compte désactivé (administrateur)',
            description: 'Seulement pour un compte qui n’appartient qu’à cet établissement (sinon 409).',
            params: userParams,
            response: { 200: memberSchema, ...errors, 409: problemSchema },
          },
        },
        async (request) => {
          const { establishmentId, userId } = request.params;
          requireRole(request, establishmentId, ADMIN);
          const actor = requireSession(request).user.id;
          return setAccountDisabled(context, actor, establishmentId, userId, disabled);
        },
      );
    }

    app.post(
      '/api/establishments/:establishmentId/users/:userId/password-reset',
      {
        schema: {
          tags: ['utilisateurs'],
          summary: 'Donner un mot de passe temporaire, montré une seule fois (administrateur)',
          description:
            'La personne devra choisir son propre mot de passe à la connexion suivante ; ses sessions ' +
            'sont fermées. Seulement pour un compte à mot de passe qui n’appartient qu’à cet établissement.',
          params: userParams,
          response: { 200: z.object({ temporaryPassword: z.string() }), ...errors, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId, userId } = request.params;
        requireRole(request, establishmentId, ADMIN);
        const actor = requireSession(request).user.id;
        // Shown once: no cache may keep it.
        reply.header('cache-control', 'no-store');
        return resetPassword(context, actor, establishmentId, userId);
      },
    );

    app.post(
      '/api/establishments/:establishmentId/users',
      {
        schema: {
          tags: ['utilisateurs'],
          summary: 'Créer un compte dans l’établissement (administrateur)',
          description: 'Sans mot de passe, le compte se connecte seulement par l’authentification unique.',
          params: establishmentParams,
          body: z.strictObject({
            email: emailSchema,
            displayName: displayNameSchema,
            role: roleSchema,
            password: passwordSchema.optional(),
          }),
          response: { 201: memberSchema, ...errors, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        requireRole(request, request.params.establishmentId, ADMIN);
        const actor = requireSession(request).user.id;
        const member = await createMember(context, actor, request.params.establishmentId, request.body);
        return reply.status(201).send(member);
      },
    );

    app.patch(
      '/api/establishments/:establishmentId/users/:userId',
      {
        schema: {
          tags: ['utilisateurs'],
          summary: 'Changer le rôle d’un utilisateur (administrateur)',
          params: userParams,
          body: z.strictObject({ role: roleSchema }),
          response: { 200: memberSchema, ...errors, 409: problemSchema },
        },
      },
      async (request) => {
        const { establishmentId, userId } = request.params;
        requireRole(request, establishmentId, ADMIN);
        return changeRole(
          context,
          requireSession(request).user.id,
          establishmentId,
          userId,
          request.body.role,
        );
      },
    );

    app.delete(
      '/api/establishments/:establishmentId/users/:userId',
      {
        schema: {
          tags: ['utilisateurs'],
          summary: 'Retirer un utilisateur de l’établissement (administrateur)',
          params: userParams,
          response: { 204: z.null(), ...errors, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId, userId } = request.params;
        requireRole(request, establishmentId, ADMIN);
        await removeMember(context, requireSession(request).user.id, establishmentId, userId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/groups',
      {
        schema: {
          tags: ['établissements'],
          summary: 'Créer un groupe d’établissements (administrateur d’un établissement)',
          body: z.strictObject({ name: safeLine(1, 200) }),
          response: { 201: z.object({ id: z.string(), name: z.string() }), ...errors },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        if (![...session.user.roles.values()].includes('admin')) throw forbidden();
        return reply.status(201).send(await createGroup(context, session.user.id, request.body.name));
      },
    );

    app.put(
      '/api/establishments/:establishmentId/group',
      {
        schema: {
          tags: ['établissements'],
          summary: 'Rattacher l’établissement à un groupe, ou l’en retirer avec null (administrateur)',
          params: establishmentParams,
          body: z.strictObject({ groupId: idSchema.nullable() }),
          response: {
            200: z.object({ establishmentId: z.string(), groupId: z.string().nullable() }),
            ...errors,
          },
        },
      },
      async (request) => {
        requireRole(request, request.params.establishmentId, ADMIN);
        const session = requireSession(request);
        const adminOf = [...session.user.roles].filter(([, role]) => role === 'admin').map(([id]) => id);
        return setGroup(
          context,
          session.user.id,
          adminOf,
          request.params.establishmentId,
          request.body.groupId,
        );
      },
    );
  };
}
