import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';

/** Everything the server writes on a raw socket until it closes the connection. */
function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('slow clients on a listening server', () => {
  let t: TestApp;
  let port: number;
  let establishment: string;
  let cookie: string;
  let csrf: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      // Short limits for the test; the defaults are a minute and 15 seconds.
      timeouts: { requestMs: 400, headersMs: 200, keepAliveMs: 200, idleMs: 5_000 },
    });
    establishment = await t.establishment();
    const user = await t.user({ [establishment]: 'agent' });
    cookie = user.headers.cookie as string;
    csrf = user.headers['x-csrf-token'] as string;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });
  afterAll(async () => t.close());

  it('answers 408 and closes a connection whose JSON body stops halfway', async () => {
    const socket = await open(port);
    const closed = untilClosed(socket);
    const body = JSON.stringify({ text: 'Bonjour à toutes les équipes', context: 'staff' });
    socket.write(
      `POST /api/establishments/${establishment}/checks HTTP/1.1\r\nHost: localhost\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cookie: ${cookie}\r\nX-CSRF-Token: ${csrf}\r\n\r\n${body.slice(0, 10)}`,
    );
    // Nothing more is sent: the server must end it, not wait for the rest.
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('application/problem+json');
  });

  it('closes a multipart upload that trickles and then stops', async () => {
    const socket = await open(port);
    const closed = untilClosed(socket);
    const boundary = 'blouse-limite';
    socket.write(
      `POST /api/establishments/${establishment}/reports HTTP/1.1\r\nHost: localhost\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 1000000\r\n` +
        `Cookie: ${cookie}\r\nX-CSRF-Token: ${csrf}\r\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="screenshots"; filename="a.png"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    );
    let sent = 0;
    const trickle = setInterval(() => {
      if (socket.destroyed || sent++ > 20) return clearInterval(trickle);
      socket.write('x');
    }, 30);
    const answer = await closed;
    clearInterval(trickle);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"code":"delai_depasse"');
  });

  it('answers 408 to a client that never finishes its headers', async () => {
    const socket = await open(port);
    const closed = untilClosed(socket);
    socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Lent: ');
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('still answers a client that sends its request in time', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(response.status).toBe(200);
  });
});
