/** Entry point of the `blouse` command; returns the process exit status. */
export async function main(_argv: readonly string[]): Promise<number> {
  process.stdout.write('blouse\n');
  return 0;
}
