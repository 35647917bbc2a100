import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Vendored real projects carry their own tests (run by `npm run test:real`, not here).
    exclude: [...configDefaults.exclude, 'test/fixtures/real-projects/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
    // Every temp folder a test makes must be gone at the end (test/setup/temp-global.ts).
    globalSetup: ['test/setup/temp-global.ts'],
    setupFiles: ['test/setup/temp-worker.ts'],
  },
});
