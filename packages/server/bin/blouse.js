#!/usr/bin/env -S node --no-regexp-tier-up --max-semi-space-size=32
// The `blouse` command: a thin launcher for the compiled CLI (built by `npm install`).
//
// Why the V8 flag: the guard runs hundreds of regular expressions over every text. By default V8
// first interprets a regular expression and compiles it to machine code only once it is hot; on
// long texts the guard measured several times slower that way (1 MB: about 5 s against 1 s).
// It must be given on the command line: setting it from inside the process
// (v8.setFlagsFromString) crashed Node about once in thirty starts.
// Why the second: every analysis makes many short-lived objects (tokens, spans, matches), and
// with V8's default young generation they are swept several hundred times a second. Semi-spaces
// of 32 MB (at most about 100 MB of young generation) sweep less often: measured on the guard's
// benchmark, about 10 % more posts per second and a shorter 1 MB analysis.

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
