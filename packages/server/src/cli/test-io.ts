import { Readable } from 'node:stream';
import type { CliIo } from './io.js';

/** Streams that remember what a command wrote, for tests that call `main()` directly. */
export function captureIo(overrides: Partial<CliIo> & { input?: string | Uint8Array } = {}) {
  let out = '';
  let err = '';
  const { input, ...rest } = overrides;
  const io: CliIo = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    stdin: Readable.from(input === undefined ? [] : [typeof input === 'string' ? Buffer.from(input) : input]),
    isTTY: false,
    env: {},
    cwd: process.cwd(),
    ...rest,
  };
  return { io, out: () => out, err: () => err };
}
