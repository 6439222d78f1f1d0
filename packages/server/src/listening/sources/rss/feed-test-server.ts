import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the test server saw of a request. */
export interface SeenRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A real HTTP server on 127.0.0.1 and a free port, for the feed tests: each path answers with
 * the handler the test sets, and every request is recorded.
 */
export async function startFeedServer(): Promise<{
  readonly origin: string;
  readonly requests: SeenRequest[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}> {
  const routes = new Map<string, Handler>();
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('introuvable');
      return;
    }
    handler(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A feed served the way a well-behaved site does: with an ETag and a Last-Modified, answering
 * 304 when the client sends them back unchanged.
 */
export function conditionalFeed(
  body: string | Buffer,
  options: { etag?: string; lastModified?: string; contentType?: string } = {},
): Handler {
  return (request, response) => {
    const { etag, lastModified } = options;
    const sameTag = etag !== undefined && request.headers['if-none-match'] === etag;
    const since = request.headers['if-modified-since'];
    const notModifiedSince =
      etag === undefined &&
      lastModified !== undefined &&
      since !== undefined &&
      Date.parse(since) >= Date.parse(lastModified);
    const headers: Record<string, string> = {};
    if (etag !== undefined) headers.etag = etag;
    if (lastModified !== undefined) headers['last-modified'] = lastModified;
    if (sameTag || notModifiedSince) {
      response.writeHead(304, headers).end();
      return;
    }
    headers['content-type'] = options.contentType ?? 'application/rss+xml; charset=UTF-8';
    response.writeHead(200, headers).end(body);
  };
}

export function fixture(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}
