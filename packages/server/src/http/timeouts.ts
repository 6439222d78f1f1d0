import type { ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpTimeouts } from '../config/config.js';
import { Problem } from './problem.js';

/** Fastify's options for an HTTP/1.1 server that bound slow clients. */
export interface ServerTimeouts {
  readonly requestTimeout: number;
  readonly keepAliveTimeout: number;
  readonly connectionTimeout: number;
  readonly http: ServerOptions;
  readonly clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => void;
}

/**
 * Node's own limits on slow clients, from the configuration. Without them a client that sends
 * its headers and then trickles the body (or stops) holds a connection and its parser for as
 * long as it likes: a thousand of them and the server has no sockets left.
 *
 * Node checks pending requests against these limits every `connectionsCheckingInterval` (30 s by
 * default, which would let a 1 s limit run for 31 s): the check runs at a fraction of the
 * shortest limit, at most once a second.
 */
export function serverTimeouts(timeouts: HttpTimeouts): ServerTimeouts {
  const checkEvery = Math.max(
    10,
    Math.min(1_000, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4)),
  );
  return {
    // Headers and body, a multipart upload included (its stream is read inside the request).
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Socket inactivity in either direction.
    connectionTimeout: timeouts.idleMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: checkEvery },
    clientErrorHandler,
  };
}

/**
 * What Node reports before any route runs (a request too slow, headers too large, bytes that are
 * not HTTP), answered as problem+json in French like every other error, then the socket closed.
 */
function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new Problem(408, 'delai_depasse', 'La requête n’est pas arrivée à temps : la connexion est fermée.')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? new Problem(431, 'entetes_trop_volumineux', 'Les en-têtes de la requête sont trop volumineux.')
        : new Problem(400, 'requete_malformee', 'La requête n’est pas du HTTP valide.');
  const body = JSON.stringify(problem.toBody());
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_TEXT[problem.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy();
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};
