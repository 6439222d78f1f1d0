import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A recorded answer of a network we cannot reach from here (Facebook, LinkedIn, X): its status,
 * headers and body as the network's documentation gives them, with where they were read.
 */
export interface RecordedAnswer {
  readonly source: string;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export function readRecorded(url: URL): RecordedAnswer {
  return JSON.parse(readFileSync(url, 'utf8')) as RecordedAnswer;
}

/** What the connector sent, kept for the test to check. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export interface ReplayRoute {
  readonly method: string;
  /** Matched against the path without the query. */
  readonly path: RegExp;
  /** Answers in turn; the last one is repeated. */
  readonly answers: readonly RecordedAnswer[];
}

/**
 * A local HTTP server that answers a connector's calls with recorded answers, route by route,
 * and keeps every request. It plays the network's side of the exchange only: the connector's
 * own HTTP code, headers and bodies are the real ones.
 */
export async function startReplayNetwork(routes: readonly ReplayRoute[]): Promise<{
  readonly url: string;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}> {
  const received: ReceivedRequest[] = [];
  const served = new Map<ReplayRoute, number>();
  let port = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://replay');
      received.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      const route = routes.find((r) => r.method === request.method && r.path.test(url.pathname));
      if (route === undefined) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ error: `aucune réponse enregistrée pour ${request.method} ${url.pathname}` }),
        );
        return;
      }
      const turn = served.get(route) ?? 0;
      served.set(route, turn + 1);
      const answer = route.answers[Math.min(turn, route.answers.length - 1)] as RecordedAnswer;
      // « {{replay}} » in a recorded answer stands for this server (an upload address it gives).
      const body =
        answer.body === undefined
          ? ''
          : JSON.stringify(answer.body).replaceAll('{{replay}}', `http://127.0.0.1:${port}`);
      const headers = Object.fromEntries(
        Object.entries(answer.headers ?? {}).map(([name, value]) => [
          name,
          value.replaceAll('{{replay}}', `http://127.0.0.1:${port}`),
        ]),
      );
      response.writeHead(answer.status, {
        ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
