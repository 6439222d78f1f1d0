import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIo } from './test-io.js';

describe('main', () => {
  it('prints the French help with no argument, --help, -h and help', async () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const { io, out, err } = captureIo();
      expect(await main(argv, io)).toBe(0);
      expect(out()).toContain('Usage : blouse <commande>');
      expect(out()).toContain('check');
      expect(out()).toContain('eval');
      expect(out()).toContain('bench');
      expect(err()).toBe('');
    }
  });

  it('gives the help of one command', async () => {
    for (const [command, marker] of [
      ['check', 'blouse check [TEXTE'],
      ['eval', 'blouse eval guard'],
      ['bench', 'blouse bench guard'],
    ] as const) {
      const { io, out } = captureIo();
      expect(await main(['help', command], io)).toBe(0);
      expect(out()).toContain(marker);
    }
  });

  it('rejects an unknown command with exit 64 and a pointer to the help', async () => {
    for (const name of ['publish', 'constructor', '--json', 'CHECK']) {
      const { io, out, err } = captureIo();
      expect(await main([name], io)).toBe(64);
      expect(out()).toBe('');
      expect(err()).toContain(`commande inconnue : « ${name} »`);
      expect(err()).toContain('blouse --help');
    }
    const { io, err } = captureIo();
    expect(await main(['help', 'toString'], io)).toBe(64);
    expect(err()).toContain('toString');
  });

  it('reports a failure of ours without a stack trace', async () => {
    const failingStdin = {
      [Symbol.asyncIterator]: () => ({
        next: () => Promise.reject(new Error('disque débranché')),
      }),
    };
    const { io, err } = captureIo({ stdin: failingStdin });
    expect(await main(['check', '-'], io)).toBe(70);
    expect(err()).toContain('erreur interne inattendue (disque débranché)');
    expect(err()).not.toContain('    at ');
  });
});
