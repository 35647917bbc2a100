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
  },
});
