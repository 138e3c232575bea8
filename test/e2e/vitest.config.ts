// The end-to-end run (npm run test:e2e): one file, steps in order against one code-server session.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/e2e/**/*.test.ts'],
        testTimeout: 90_000,
        hookTimeout: 15 * 60_000,   // setting up code-server the first time takes minutes
        fileParallelism: false,
        pool: 'forks',
        setupFiles: ['test/helpers/repository-only.ts'],
        reporters: ['verbose']
    }
});
