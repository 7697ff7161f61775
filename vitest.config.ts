// Test runner settings: every *.test.ts beside the code it tests.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{grammar,engine,dataset,cli,seeds,bench,rules}/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
