import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.js';
import { CliError } from './exit-status.js';

const spec = { flags: ['json'], values: ['data', 'context'], help: 'blouse test --help', takesText: true };

function problem(argv: string[]): CliError {
  try {
    parseArgs(argv, spec);
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseArgs', () => {
  it('reads flags, values in both spellings and positionals', () => {
    const args = parseArgs(['--json', '--data', 'a.jsonl', 'texte', '--context=public', '-'], spec);
    expect([...args.flags]).toEqual(['json']);
    expect(Object.fromEntries(args.values)).toEqual({ data: 'a.jsonl', context: 'public' });
    expect(args.positionals).toEqual(['texte', '-']);
  });

  it('treats everything after -- as text, and dashes that are not options as text', () => {
    expect(parseArgs(['--', '--json', '-x'], spec).positionals).toEqual(['--json', '-x']);
    expect(parseArgs(['-5 °C ce matin', '- Mme D.', '—tiret long'], spec).positionals).toEqual([
      '-5 °C ce matin',
      '- Mme D.',
      '—tiret long',
    ]);
  });

  it('accepts -h and --help everywhere', () => {
    expect(parseArgs(['-h'], spec).flags.has('help')).toBe(true);
    expect(parseArgs(['x', '--help'], spec).flags.has('help')).toBe(true);
  });

  it('names the faulty argument in French and points at the help', () => {
    const unknown = problem(['--jsn']);
    expect(unknown.message).toContain('« --jsn »');
    expect(unknown.message).toContain('--');
    expect(unknown.status).toBe(64);
    expect(unknown.help).toBe('blouse test --help');
    expect(problem(['-x']).message).toContain('option inconnue');
    expect(problem(['--data']).message).toBe('l’option --data attend une valeur.');
    expect(problem(['--data', '--json']).message).toContain('attend une valeur');
    expect(problem(['--data=']).message).toContain('attend une valeur');
    expect(problem(['--json=yes']).message).toContain('ne prend pas de valeur');
    expect(problem(['--data', 'a', '--data', 'b']).message).toContain('deux fois');
  });

  it('only suggests -- to commands that take a text', () => {
    expect(() => parseArgs(['--x'], { ...spec, takesText: false })).toThrow(/^option inconnue : « --x »\.$/);
  });
});
