import { usageError } from './exit-status.js';

export interface OptionSpec {
  /** Options without a value, such as `json` for `--json`. `help` is always accepted. */
  readonly flags: readonly string[];
  /** Options that take a value, as `--data FILE` or `--data=FILE`. */
  readonly values: readonly string[];
  /** The help to point at when the command line is wrong. */
  readonly help: string;
  /** The command takes a text argument: the error for `-xyz` then says how to pass such a text. */
  readonly takesText?: boolean;
}

export interface ParsedArgs {
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly positionals: readonly string[];
}

/** Only `-x` and `--word` are options: a text such as "-5 °C ce matin" or "- Mme D." is not. */
const OPTION = /^--?\p{L}/u;

/**
 * Reads a command line. Anything after `--` is a positional argument, so that a text starting
 * with a dash can still be checked. Throws a usage error naming the offending argument.
 */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];

  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!OPTION.test(arg)) {
      positionals.push(arg);
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      flags.add('help');
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, equals === -1 ? undefined : equals) : '';
    const inline = equals === -1 ? undefined : arg.slice(equals + 1);

    if (spec.flags.includes(name)) {
      if (inline !== undefined) throw usageError(`l’option --${name} ne prend pas de valeur.`, spec.help);
      flags.add(name);
    } else if (spec.values.includes(name)) {
      if (values.has(name)) throw usageError(`l’option --${name} est donnée deux fois.`, spec.help);
      let value = inline;
      if (value === undefined) {
        const next = argv[index + 1];
        if (next !== undefined && !next.startsWith('--')) {
          value = next;
          index += 1;
        }
      }
      if (value === undefined || value === '') {
        throw usageError(`l’option --${name} attend une valeur.`, spec.help);
      }
      values.set(name, value);
    } else {
      const tip = spec.takesText
        ? ' (pour un texte qui commence par un tiret, écrivez -- avant le texte)'
        : '';
      throw usageError(`option inconnue : « ${arg} »${tip}.`, spec.help);
    }
  }
  return { flags, values, positionals };
}
