import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // The files in one worker share its module cache instead of loading src/ and its dependencies again
    // for every test file (most of the suite's time otherwise). Nothing in src/ keeps state between calls
    // beyond immutable caches, and no test mocks modules; `npx vitest run --isolate` runs each file in a
    // fresh module graph, to rule a leak in or out.
    isolate: false,
    testTimeout: 30000,
  },
});
