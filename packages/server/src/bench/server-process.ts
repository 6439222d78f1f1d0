import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `blouse` launcher of this package, run with the same flags as `npm start`. */
const LAUNCHER = fileURLToPath(new URL('../../bin/blouse.js', import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGTERM and wait; `kill('SIGKILL')` on the child simulates a crash. */
  stop(): Promise<void>;
}

/**
 * Starts `blouse serve` in a child process on a free port and resolves once it prints its
 * address: a real server process, as in production, for load tests and crash tests.
 */
export function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--no-regexp-tier-up', '--max-semi-space-size=32', LAUNCHER, 'serve'],
    {
      env: { ...process.env, BLOUSE_PORT: '0', BLOUSE_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`le serveur n’a pas démarré en ${timeoutMs} ms :\n${printed}`));
    }, timeoutMs);
    const onData = () => {
      const match = /en service : (http:\/\/\S+)/.exec(printed);
      if (match === null) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({
        child,
        url: match[1] as string,
        output: () => printed,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`le serveur s’est arrêté (code ${code}) :\n${printed}`));
    });
  });
}
