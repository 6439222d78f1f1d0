import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@blouse/guard';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { MAX_TEXT_BYTES } from './read-input.js';
import { captureIo } from './test-io.js';

const CLEAR_BREACH = 'Mme Durand, 92 ans, chambre 214, diabète';
const HARMLESS_CAMPAIGN =
  'Octobre rose 🎀 : stand de dépistage dans le hall du CH samedi de 9h à 17h, venez nombreuses !';
const onUnix = process.platform !== 'win32';
const VERDICT_LINE = /Verdict : (Publication possible|À revoir avant publication|Ne pas publier en l’état)\n/;

async function run(argv: string[], overrides: Parameters<typeof captureIo>[0] = {}) {
  const { io, out, err } = captureIo(overrides);
  const status = await main(['check', ...argv], io);
  return { status, out: out(), err: err() };
}

describe('blouse check', () => {
  it('reports in French and says its verdict through the exit status', async () => {
    const { status, out, err } = await run([CLEAR_BREACH]);
    expect(out).toContain('Verdict : Ne pas publier en l’état');
    expect(out).toContain('Contexte : compte personnel');
    expect(status).toBe(2);
    expect(err).toBe('');
  });

  it('lets a harmless campaign post through with exit 0', async () => {
    const { status, out } = await run([HARMLESS_CAMPAIGN, '--context', 'institutional']);
    expect(out).toContain('Verdict : Publication possible');
    expect(status).toBe(0);
  });

  it('prints the report as JSON with --json', async () => {
    const text = 'Merci à l’équipe de nuit de la maternité 🙏 #fiers';
    const { status, out } = await run([text, '--json', '--context', 'institutional']);
    const report = JSON.parse(out) as Report;
    expect(Object.keys(report).sort()).toEqual([
      'category',
      'context',
      'detected',
      'familyScores',
      'findings',
      'intent',
      'redacted',
      'spans',
      'verdict',
    ]);
    expect(report.context).toBe('institutional');
    expect(report.verdict).toBe('ok');
    expect(status).toBe(0);
    const breach = await run([CLEAR_BREACH, '--json']);
    expect((JSON.parse(breach.out) as Report).verdict).toBe('block');
    expect(breach.status).toBe(2);
  });

  it('prints only the redacted text with --redact', async () => {
    const { status, out } = await run(['--redact', CLEAR_BREACH]);
    expect(status).toBe(2);
    expect(out).not.toContain('Durand');
    expect(out).not.toContain('214');
    expect(out).not.toContain('Verdict');
    expect(out.endsWith('\n')).toBe(true);
    expect(out.split('\n')).toHaveLength(2);
  });

  it('neutralises terminal escapes and bidi controls in --redact output on a terminal only', async () => {
    const text = `${CLEAR_BREACH} \u001b]0;evil\u0007 \u202Eeton\u2066`;
    const tty = await run(['--redact', text], { isTTY: true });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for controls on purpose
    expect(tty.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(tty.out).toContain('\uFFFD]0;evil\uFFFD');
    expect(tty.out).not.toContain('Durand');
    // In a pipe the text is data for the next program: left as the user wrote it.
    const piped = await run(['--redact', text], { isTTY: false });
    expect(piped.out).toContain('\u001b]0;evil\u0007');
  });

  it('refuses contexts inherited from Object instead of running as staff', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const { status, out, err } = await run([CLEAR_BREACH, '--context', name]);
      expect(status, name).toBe(64);
      expect(out).toBe('');
      expect(err).toContain(`contexte inconnu : « ${name} »`);
    }
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

  it('exits 66 for a device or a FIFO instead of reading it forever', { timeout: 5000 }, async () => {
    if (!onUnix) return;
    const zero = await run(['--file', '/dev/zero']);
    expect(zero.status).toBe(66);
    expect(zero.err).toContain('n’est pas un fichier ordinaire');
    const dir = mkdtempSync(join(tmpdir(), 'blouse-check-'));
    execFileSync('mkfifo', [join(dir, 'tube')]);
    // Nobody writes to the FIFO: opening it for reading would hang, so this also tests we never do.
    const fifo = await run(['--file', 'tube'], { cwd: dir });
    expect(fifo.status).toBe(66);
    expect(fifo.err).toBe(
      'blouse : « tube » n’est pas un fichier ordinaire (périphérique, tube ou socket) : donnez le chemin d’un fichier ordinaire.\n',
    );
    expect(fifo.out).toBe('');
  });

  it('exits 65 for a file just over 1 MiB, and accepts one of exactly 1 MiB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blouse-check-'));
    writeFileSync(join(dir, 'gros.txt'), 'a'.repeat(MAX_TEXT_BYTES + 1));
    const big = await run(['--file', 'gros.txt'], { cwd: dir });
    expect(big.status).toBe(65);
    expect(big.err).toBe(
      'blouse : « gros.txt » dépasse la taille maximale de 1 Mio : rien n’a été vérifié.\n',
    );
    expect(big.out).toBe('');
    // Multi-byte characters count as bytes: 'é' is two in UTF-8.
    writeFileSync(join(dir, 'accents.txt'), 'é'.repeat(MAX_TEXT_BYTES / 2 + 1));
    expect((await run(['--file', 'accents.txt'], { cwd: dir })).status).toBe(65);
    writeFileSync(join(dir, 'juste.txt'), 'a '.repeat(MAX_TEXT_BYTES / 2));
    expect((await run(['--file', 'juste.txt', '--json'], { cwd: dir })).status).toBe(0);
  });

  it('exits 65 for stdin over 1 MiB, and stops reading an endless stream', async () => {
    const big = await run(['-'], { input: new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x61) });
    expect(big.status).toBe(65);
    expect(big.err).toContain('l’entrée standard dépasse la taille maximale de 1 Mio');
    expect(big.out).toBe('');
    let chunksRead = 0;
    async function* endless() {
      for (;;) {
        chunksRead += 1;
        yield 'oui\n'.repeat(16 * 1024);
      }
    }
    const { io, err } = captureIo({ stdin: endless() });
    expect(await main(['check', '-'], io)).toBe(65);
    expect(err()).toContain('dépasse la taille maximale');
    expect(chunksRead).toBeLessThanOrEqual(20);
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
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for controls on purpose
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
