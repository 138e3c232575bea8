import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // e2e and the VS Code suite start editors: npm run test:e2e / test:vscode
        exclude: ['test/e2e/**', 'test/vscode/**', 'node_modules/**'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks',
        setupFiles: ['test/helpers/repository-only.ts', 'test/helpers/fast-check-seed.ts']
    }
});
