import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // ONNX Runtime sessions use both cores; running test files one by one keeps them from
    // fighting over threads and keeps the suite's wall time predictable.
    fileParallelism: false,
  },
});
