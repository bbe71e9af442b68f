import { defineConfig } from 'vitest/config';

/** Unit and service tests live beside the code; Playwright's e2e/*.spec.ts are not Vitest's. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
