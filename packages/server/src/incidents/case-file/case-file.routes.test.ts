import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { deskClient, openIncident, THREAT } from '../test-kit.js';

/** The text of every page, as a PDF reader extracts it. */
async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}

describe.each(DIALECTS)('the PDF case file on %s', (dialect) => {
  let t: TestApp;
  let eid: string;
  let comm: SignedIn;
  let cm: SignedIn;
  let agent: SignedIn;
  let c: ReturnType<typeof deskClient>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    eid = await t.establishment('Hôpital Sainte-Œuvre');
    comm = await t.user({ [eid]: 'communication' });
    cm = await t.user({ [eid]: 'community_manager' });
    agent = await t.user({ [eid]: 'agent' });
    c = deskClient(t, eid);
  });
  afterAll(() => t.close());

  it('holds the reference, the decisions with their authors and the evidence hashes, in French', async () => {
    const { id, reference } = await openIncident(t, eid, THREAT);
    await c.send(comm, 'POST', c.url(id, '/transitions'), { to: 'qualified', version: 1 });
    await c.send(comm, 'POST', c.url(id, '/decisions'), {
      kind: 'complaint',
      note: 'Plainte déposée, coût estimé 1 500 € … à voir',
      version: 2,
    });
    const sealed = await c.send(comm, 'POST', `/api/establishments/${eid}/incidents/${id}/evidence`, {
      kind: 'text',
      content: 'Texte de la publication capturée',
    });
    expect(sealed.statusCode).toBe(201);
    const res = await c.get(cm, c.url(id, '/case-file.pdf'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(reference);
    expect(text).toContain('Action en justice / plainte, par');
    expect(text).toContain('1 500 € … à voir');
    expect(text).toContain('Hôpital Sainte-Œuvre');
    expect(text).toContain(sealed.json().sha256);
    expect(text).toContain('Tête de la chaîne');
    expect(await c.audits('incident.case_file', id)).toHaveLength(1);
  });

  it('is refused to a non-desk role and to another establishment', async () => {
    const { id } = await openIncident(t, eid, THREAT);
    expect((await c.get(agent, c.url(id, '/case-file.pdf'))).statusCode).toBe(403);
    const outsider = await t.user({ [await t.establishment('Autre')]: 'communication' });
    expect((await c.get(outsider, c.url(id, '/case-file.pdf'))).statusCode).toBe(404);
    expect(await c.audits('incident.case_file', id)).toHaveLength(0);
  });
});
