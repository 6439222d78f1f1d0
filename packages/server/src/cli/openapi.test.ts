import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE, renderSchemaTypes, SCHEMA_FILE } from '../../../web/scripts/schema-types.mjs';
import { buildOpenApiDocument, serialiseOpenApi } from '../http/openapi-document.js';
import { main } from './main.js';
import { captureIo } from './test-io.js';

interface Operation {
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const STALE =
  'Le contrat entre le serveur et l’application web est périmé : lancez « npm run contract » et validez';

describe('blouse openapi', () => {
  let folder: string;
  let document: Document;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'blouse-openapi-'));
    document = (await buildOpenApiDocument()) as Document;
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the same sorted document on every run, to a file or to stdout', async () => {
    const file = join(folder, 'openapi.json');
    const { io, err } = captureIo({ cwd: folder });
    expect(await main(['openapi', '--out', 'openapi.json'], io)).toBe(0);
    expect(err()).toContain(file);
    const written = await readFile(file, 'utf8');
    const { io: second, out } = captureIo();
    expect(await main(['openapi'], second)).toBe(0);
    expect(out()).toBe(written);
    const keys = Object.keys(JSON.parse(written).paths);
    expect(keys).toEqual([...keys].sort());
  });

  it('names the shapes the web app uses as components', () => {
    for (const name of [
      'Session',
      'CheckReport',
      'FiledReport',
      'IncidentDetail',
      'IncidentState',
      'Problem',
    ])
      expect(document.components.schemas, name).toHaveProperty(name);
  });

  it('describes every error of every operation as problem+json, and every success with a schema', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(operation.responses.default, where).toEqual({
          description: expect.any(String),
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        });
        for (const [status, response] of Object.entries(operation.responses)) {
          if (status === 'default' || Number(status) >= 400) {
            expect(Object.keys(response.content ?? {}), `${where} ${status}`).toEqual([
              'application/problem+json',
            ]);
          } else if (status === '200' || status === '201') {
            expect((response as { description?: string }).description, `${where} ${status}`).not.toBe(
              'Default Response',
            );
            for (const media of Object.values(response.content ?? {}))
              expect(media.schema, `${where} ${status}`).not.toEqual({});
            expect(response.content, `${where} ${status}`).toBeDefined();
          }
        }
      }
    }
  });

  it('documents the report form as multipart/form-data, screenshots included', () => {
    const report = document.paths['/api/establishments/{establishmentId}/reports']?.post;
    expect(report?.requestBody?.content['multipart/form-data']?.schema).toMatchObject({
      // The link is optional since a report may rest on a description and a screenshot alone.
      required: ['network'],
      properties: { screenshots: { type: 'array', items: { type: 'string', format: 'binary' } } },
    });
  });

  it('matches the committed openapi.json and schema.ts (run « npm run contract » otherwise)', async () => {
    const expectedDocument = serialiseOpenApi(document);
    const committedDocument = await readFile(OPENAPI_FILE, 'utf8').catch(() => '');
    expect(committedDocument === expectedDocument, `${STALE} ${OPENAPI_FILE}.`).toBe(true);
    const committedTypes = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    const expectedTypes = await renderSchemaTypes(expectedDocument);
    expect(committedTypes === expectedTypes, `${STALE} ${SCHEMA_FILE}.`).toBe(true);
  });
});
