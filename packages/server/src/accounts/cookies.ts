import type { FastifyReply } from 'fastify';
import type { Config } from '../config/config.js';
import { SESSION_COOKIE } from './sessions.js';

/** Secure only when people reach the server over https (a local http demo must still work). */
export function secureCookies(config: Config): boolean {
  return config.publicUrl.startsWith('https://');
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(config),
    path: '/',
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(config),
    path: '/',
  });
}
