import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on the reference machine: PDF and OCR tests are CPU-bound.
    maxWorkers: 2,
  },
});
