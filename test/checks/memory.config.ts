/** `npm run test:memory`: the digest's peak memory on 20 MB logs (memory.heavy.ts), about a minute. */
import * as path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '..', '..'),
  test: {
    include: ['test/checks/**/*.heavy.ts'],
    testTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 1,
    globalSetup: ['test/setup/temp-global.ts'],
    setupFiles: ['test/setup/temp-worker.ts'],
  },
});
