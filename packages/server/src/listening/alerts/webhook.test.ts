import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postWebhook, signWebhook, WebhookError, webhookTargetProblem } from './webhook.js';

const LOOPBACK = { allowLoopbackHttp: true, timeoutMs: 10_000 };
const servers: Server[] = [];

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('webhooks', () => {
  it('signs the timestamp and the raw body with HMAC-SHA256, as a receiver recomputes it', () => {
    const body = '{"alert":{"id":"a"}}';
    const expected = createHmac('sha256', 'k').update(`1764950400.${body}`).digest('hex');
    expect(signWebhook('k', '1764950400', body)).toBe(`sha256=${expected}`);
    // Another timestamp, another signature: a captured request cannot be replayed as new.
    expect(signWebhook('k', '1764950401', body)).not.toBe(`sha256=${expected}`);
  });

  it('accepts https only, http to loopback only when allowed, never credentials', () => {
    const closed = { allowLoopbackHttp: false, timeoutMs: 1 };
    expect(webhookTargetProblem('https://hooks.chu.fr/x', closed)).toBeNull();
    expect(webhookTargetProblem('http://hooks.chu.fr/x', closed)).toContain('https://');
    expect(webhookTargetProblem('http://127.0.0.1:8080/x', closed)).toContain('https://');
    expect(webhookTargetProblem('http://127.0.0.1:8080/x', LOOPBACK)).toBeNull();
    expect(webhookTargetProblem('http://[::1]:8080/x', LOOPBACK)).toBeNull();
    expect(webhookTargetProblem('http://10.0.0.1/x', LOOPBACK)).toContain('https://');
    expect(webhookTargetProblem('ftp://hooks.chu.fr/', LOOPBACK)).toContain('https://');
    expect(webhookTargetProblem('https://u:p@hooks.chu.fr/', LOOPBACK)).toContain('identifiants');
    expect(webhookTargetProblem('pas une adresse', LOOPBACK)).toContain('URL valide');
  });

  it('does not follow a redirect: the signature was made for this address', async () => {
    let followed = false;
    const elsewhere = await serve((_request, response) => {
      followed = true;
      response.end();
    });
    const url = await serve((_request, response) => {
      response.statusCode = 307;
      response.setHeader('location', `${elsewhere}/stolen`);
      response.end();
    });
    await expect(postWebhook(`${url}/hook`, 'k', '{}', new Date(), LOOPBACK)).rejects.toThrow(
      new WebhookError('webhook : réponse HTTP 307'),
    );
    expect(followed).toBe(false);
  });

  it('gives up on a receiver that never answers, after its timeout', async () => {
    const url = await serve(() => {
      // Never answers.
    });
    await expect(
      postWebhook(`${url}/hook`, 'k', '{}', new Date(), { allowLoopbackHttp: true, timeoutMs: 200 }),
    ).rejects.toThrow('webhook : délai dépassé');
  });

  it('reports a receiver that cannot be reached', async () => {
    const url = await serve((_request, response) => response.end());
    const server = servers.pop() as Server;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(postWebhook(`${url}/hook`, 'k', '{}', new Date(), LOOPBACK)).rejects.toThrow(
      'webhook : connexion impossible',
    );
  });
});
