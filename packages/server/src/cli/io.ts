/** Where a command writes to; the real process streams by default, captured in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: AsyncIterable<string | Uint8Array>;
  /** Whether stdout is a terminal (colours are only for people, never for pipes and files). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths, and the default data folder, are resolved from here. */
  readonly cwd: string;
}

/** The process's own streams, for whatever the caller did not provide. */
export function completeIo(partial: Partial<CliIo>): CliIo {
  return {
    stdout: partial.stdout ?? quietOnClosedPipe(process.stdout),
    stderr: partial.stderr ?? process.stderr,
    stdin: partial.stdin ?? process.stdin,
    isTTY: partial.isTTY ?? process.stdout.isTTY === true,
    env: partial.env ?? process.env,
    cwd: partial.cwd ?? process.cwd(),
  };
}

/**
 * `blouse eval all | head` closes the pipe early; Node would then throw EPIPE as an uncaught
 * error with a stack trace. The reader has gone, so stopping quietly is the right answer.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): OutputStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(Number(process.exitCode ?? 0));
    process.stderr.write(
      `blouse : écriture impossible sur la sortie standard (${error.code ?? error.message}).\n`,
    );
    process.exit(74); // EX_IOERR
  });
  return stream;
}

/** Colours only for a terminal, and never when the user asked for none (https://no-color.org). */
export function useColour(io: CliIo): boolean {
  const noColour = io.env.NO_COLOR;
  return io.isTTY && (noColour === undefined || noColour === '');
}
