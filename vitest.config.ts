import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their sources, so that `vitest` never depends on a
// stale build.
export default defineConfig({
  resolve: {
    alias: {
      '@blouse/guard': fileURLToPath(new URL('./packages/guard/src/index.ts', import.meta.url)),
      '@blouse/contract': fileURLToPath(new URL('./packages/contract/src/index.ts', import.meta.url)),
      '@blouse/buzz': fileURLToPath(new URL('./packages/buzz/src/index.ts', import.meta.url)),
    },
  },
  test: {
    // Unit and integration tests beside the code; the web application's browser journeys.
    include: ['packages/*/src/**/*.test.ts', 'packages/web/e2e/**/*.e2e.test.ts'],
    // Generous: the adversarial tests feed each rule family hostile megabyte-scale texts.
    testTimeout: 60_000,
  },
});
