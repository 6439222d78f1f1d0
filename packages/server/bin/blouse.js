#!/usr/bin/env node
// The `blouse` command: a thin launcher for the compiled CLI (built by `npm install`).
import { setFlagsFromString } from 'node:v8';

// The guard runs hundreds of regular expressions over every text. By default V8 first
// interprets a regular expression and compiles it to machine code only once it is hot; on long
// texts the guard measured several times slower that way (1 MB: ~5 s against ~1.3 s). Compiling
// at once is what a process that checks text all day wants. Set before any expression exists.
setFlagsFromString('--no-regexp-tier-up');

let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  // Exit 1 means "warn" for `blouse check`: a broken install must not read as a verdict.
  process.stderr.write(
    `blouse : l’application n’a pas pu démarrer (${error instanceof Error ? error.message : String(error)}). Lancez « npm install » à la racine du projet.\n`,
  );
  process.exit(70);
}
process.exitCode = await main(process.argv.slice(2));
