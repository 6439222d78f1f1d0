import type { FastifyRequest } from 'fastify';
import type { Role } from '../db/schema.js';
import { requireRole } from '../http/auth.js';
import type { Actor } from './draft-service.js';

/** The member acting on the desk, if their role is among `roles` (404 not a member, 403 another role). */
export function actingMember(
  request: FastifyRequest,
  establishmentId: string,
  roles: readonly Role[],
): Actor {
  const role = requireRole(request, establishmentId, roles);
  const user = request.session?.user;
  if (user === undefined) throw new Error('session absente après requireRole');
  return { id: user.id, role };
}
