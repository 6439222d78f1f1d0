import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type MonthlyReportContent, renderMonthlyReport } from './monthly-report-pdf.js';
import { sampleGroupDashboard } from './sample-dashboard.js';

async function pdfBytes(content: MonthlyReportContent): Promise<Buffer> {
  const doc = renderMonthlyReport(content, new Date('2026-12-01T06:00:00Z'));
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const content: MonthlyReportContent = {
  month: '2026-11',
  dashboard: sampleGroupDashboard(),
  provisional: false,
  notable: [
    {
      reference: 'INC-2026-0042',
      establishment: 'CHU de Valmont',
      severity: 'N4',
      category: 'doxxing',
      status: 'responded',
      openedOn: '2026-11-12',
      firstActionMinutes: 38,
    },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'blouse-monthly-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the monthly report’s PDF', () => {
  it('is a PDF with its title and language', async () => {
    const bytes = await pdfBytes(content);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it.runIf(existsSync('/usr/bin/pdftotext'))(
    'prints the key figures, the sections and whole French words',
    async () => {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, await pdfBytes(content));
      const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const expected of [
        'Rapport mensuel — novembre 2026',
        'Groupement GHT Valmont-Estuaire',
        'En novembre 2026 : 137 incidents ouverts, dont 9 de gravité N3 ou N4 ; première action dans les délais cibles pour 87,5 % d’entre eux',
        'Du 1er novembre au 30 novembre',
        '137',
        '87,5 %',
        '12 480',
        'Incidents par gravité',
        'N4 · Critique',
        'Atteinte au secret (données de patient)',
        'une-catégorie-inconnue',
        'Délais de réponse, comparés aux cibles',
        'Première action',
        '1 établissement(s) du groupement ne sont pas comptés ici.',
        'CH de l’Estuaire',
        'INC-2026-0042',
        'Formation du personnel',
        '76,2 %',
        'Score moyen au quiz (dernier essai de chacun) : 81,3 %.',
        'aucun nom',
      ])
        expect(text.replace(/[\u202f\u00a0\s]+/g, ' ')).toContain(expected);
      expect(text).not.toContain('Mois en cours');
    },
  );

  it.runIf(existsSync('/usr/bin/pdftotext'))(
    'says when the month is not over, and drops sections without data',
    async () => {
      const file = join(dir, 'provisional.pdf');
      const dashboard = { ...sampleGroupDashboard(), listening: null, publishing: null, training: null };
      writeFileSync(file, await pdfBytes({ ...content, dashboard, provisional: true, notable: [] }));
      const text = execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Mois en cours : chiffres provisoires');
      expect(text).not.toContain('Veille :');
      expect(text).not.toContain('Formation du personnel');
      expect(text).toContain('Aucun incident de gravité N2 ou plus ce mois-ci.');
    },
  );
});
