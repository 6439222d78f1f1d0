import { describe, expect, it } from 'vitest';
import { renderListeningLagTable } from '../cli/bench-lag-table.js';
import { DEFAULT_LISTENING_LAG_SETTINGS, LAG_SKIPPED_REASON, runListeningLag } from './listening-lag.js';

// The measured run itself is exercised by cli/bench.test.ts (a real local Bluesky network).
describe('the end-to-end listening lag, on a production install', () => {
  const missing = async (): Promise<never> => {
    // What Node throws when a devDependency was not installed.
    throw Object.assign(new Error("Cannot find package '@atproto/dev-env'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
  };

  it('is skipped with a French reason when the development packages are missing', async () => {
    const outcome = await runListeningLag(DEFAULT_LISTENING_LAG_SETTINGS, missing);
    expect(outcome).toEqual({ status: 'skipped', reason: LAG_SKIPPED_REASON });
    const table = renderListeningLagTable({ node: 'v20', cpu: 'test', outcome });
    expect(table).toContain('mesure du délai de la veille non lancée');
    expect(table).toContain('« npm install » dans le dépôt');
  });

  it('fails loudly on any other import error (a broken install is not a skip)', async () => {
    const broken = async (): Promise<never> => {
      throw new SyntaxError('Unexpected token');
    };
    await expect(runListeningLag(DEFAULT_LISTENING_LAG_SETTINGS, broken)).rejects.toThrow('Unexpected token');
  });
});
