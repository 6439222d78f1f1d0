import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 (port chosen by the system) for the fakes and replays of remote APIs. */
export interface LoopbackServer {
  /** Base address, without a trailing slash: `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Every request received, in order: method, path with query, and the Authorization header. */
  readonly requests: { method: string; url: URL; authorization: string | undefined }[];
  close(): Promise<void>;
}

export type LoopbackHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => void | Promise<void>;

export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const requests: LoopbackServer['requests'] = [];
  let base = '';
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    requests.push({ method: request.method ?? 'GET', url, authorization: request.headers.authorization });
    Promise.resolve(handler(request, response, url)).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Requests left hanging on purpose (timeout tests) would keep close() waiting forever.
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

/** Sends `body` as JSON (already serialised when a string, to replay recordings byte for byte). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A recorded HTTP answer kept beside a connector: the body is JSON, or a string sent as is. */
export interface RecordedResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: unknown;
}

/**
 * A loopback server replaying recordings: `choose` names the recording for each request (by path
 * and query, as the real API would route it); an unknown request gets a 404 that the test sees.
 */
export function startReplayServer(
  choose: (url: URL) => RecordedResponse | 'hang' | undefined,
): Promise<LoopbackServer> {
  return startLoopbackServer((_request, response, url) => {
    const recorded = choose(url);
    if (recorded === 'hang') return; // never answers: the client's timeout must end it
    if (recorded === undefined)
      return sendJson(response, 404, { error: `pas d’enregistrement pour ${url.pathname}` });
    sendJson(response, recorded.status, recorded.body, recorded.headers);
  });
}
