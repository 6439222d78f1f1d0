import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type Report } from '@blouse/guard';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIo } from './test-io.js';

const STATUS_OF = { ok: 0, warn: 1, block: 2 } as const;
const VERDICT_LINE = /Verdict : (Publication possible|À revoir avant publication|Ne pas publier en l’état)\n/;

async function run(argv: string[], overrides: Parameters<typeof captureIo>[0] = {}) {
  const { io, out, err } = captureIo(overrides);
  const status = await main(['check', ...argv], io);
  return { status, out: out(), err: err() };
}

describe('blouse check', () => {
  it('reports in French and says its verdict through the exit status', async () => {
    const text = 'mr B. 80 ans ds le box 3 des urgences cette nuit 😢';
    const { status, out, err } = await run([text]);
    expect(out).toMatch(VERDICT_LINE);
    expect(out).toContain('Contexte : compte personnel');
    expect(status).toBe(STATUS_OF[analyze(text, { context: 'staff' }).verdict]);
    expect(err).toBe('');
  });

  it('prints the report as JSON with --json', async () => {
    const text = 'Merci à l’équipe de nuit de la maternité 🙏 #fiers';
    const { status, out } = await run([text, '--json', '--context', 'institutional']);
    const report = JSON.parse(out) as Report;
    expect(Object.keys(report).sort()).toEqual([
      'category',
      'context',
      'detected',
      'findings',
      'redacted',
      'spans',
      'verdict',
    ]);
    expect(report.context).toBe('institutional');
    expect(status).toBe(STATUS_OF[report.verdict]);
  });

  it('prints only the redacted text with --redact', async () => {
    const text = 'Mme Lemoine, 88 ans, lit 2 en cardio, appelez sa fille au 06 11 22 33 44';
    const { out } = await run(['--redact', text]);
    expect(out).toBe(`${analyze(text, { context: 'staff' }).redacted}\n`);
  });

  it('accepts French names of contexts', async () => {
    const { out } = await run(['--context', 'personnel', '--json', 'bonjour']);
    expect((JSON.parse(out) as Report).context).toBe('staff');
    const publicPost = await run(['--context=PUBLIC', '--json', 'bonjour']);
    expect((JSON.parse(publicPost.out) as Report).context).toBe('public');
  });

  it('reads the text from stdin with -', async () => {
    const { out } = await run(['-', '--json'], { input: 'texte venu d’un tube 🚰' });
    expect((JSON.parse(out) as Report).redacted).toContain('texte venu d’un tube 🚰');
  });

  it('reads the text from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blouse-check-'));
    writeFileSync(join(dir, 'brouillon.txt'), 'Journée portes ouvertes samedi à l’IFSI 🎓');
    const { status, out } = await run(['--file', 'brouillon.txt', '--json'], { cwd: dir });
    expect(status).toBeLessThanOrEqual(2);
    expect((JSON.parse(out) as Report).redacted).toContain('portes ouvertes');
  });

  it('exits 66 with a French message for a missing file or a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blouse-check-'));
    const missing = await run(['--file', 'absent.txt'], { cwd: dir });
    expect(missing.status).toBe(66);
    expect(missing.err).toBe('blouse : fichier introuvable : « absent.txt ».\n');
    const directory = await run(['--file', dir]);
    expect(directory.status).toBe(66);
    expect(directory.err).toContain('est un dossier');
    expect(directory.out).toBe('');
  });

  it('exits 64 on a malformed command line, naming the problem and the help', async () => {
    const cases: [string[], string][] = [
      [[], 'aucun texte à vérifier'],
      [['un', 'deux'], 'un seul texte attendu, 2 reçus'],
      [['texte', '--file', 'f.txt'], 'un seul texte à la fois'],
      [['-', '--file', 'f.txt'], 'un seul texte à la fois'],
      [['--file'], 'l’option --file attend une valeur'],
      [['texte', '--context', 'patient'], 'contexte inconnu : « patient »'],
      [['texte', '--verbose'], 'option inconnue : « --verbose »'],
      [['texte', '--json', '--redact'], '--json et --redact'],
    ];
    for (const [argv, message] of cases) {
      const { status, out, err } = await run(argv);
      expect(status, argv.join(' ')).toBe(64);
      expect(out).toBe('');
      expect(err).toContain(message);
      expect(err).toContain('Voir « blouse check --help ».');
      expect(err).not.toContain('    at ');
    }
  });

  it('shows its help', async () => {
    const { status, out } = await run(['--help']);
    expect(status).toBe(0);
    expect(out).toContain('--context CONTEXTE');
  });

  it('checks a text that starts with a dash after --', async () => {
    const { status, out } = await run(['--json', '--', '--pas une option']);
    expect(status).toBeLessThanOrEqual(2);
    expect((JSON.parse(out) as Report).redacted).toContain('--pas une option');
  });

  it('says an empty text has nothing to check', async () => {
    const { status, out } = await run(['']);
    expect(status).toBe(0);
    expect(out).toContain('Le texte est vide : rien à vérifier.');
    expect(out).toContain('Verdict : Publication possible');
    const fromStdin = await run(['-']);
    expect(fromStdin.status).toBe(0);
  });

  it('survives binary garbage and never echoes terminal escapes', async () => {
    const garbage = new Uint8Array([
      0x00, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0xff, 0xfe, 0xc3, 0x28, 0x07, 0x0d, 0x41,
    ]);
    const { status, out, err } = await run(['-'], { input: garbage });
    expect([0, 1, 2]).toContain(status);
    expect(out).toMatch(VERDICT_LINE);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(err).toBe('');
  });

  it('colours only for a terminal without NO_COLOR', async () => {
    const text = 'Mme D., 92 ans, chambre 214';
    const plain = await run([text], { isTTY: false });
    expect(plain.out).not.toContain('\u001b[');
    const refused = await run([text], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(refused.out).not.toContain('\u001b[');
    const coloured = await run([text], { isTTY: true, env: {} });
    // The verdict line is always painted on a terminal, whatever the verdict.
    expect(coloured.out).toContain('\u001b[');
  });
});
