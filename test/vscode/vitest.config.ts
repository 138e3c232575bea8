// npm run test:vscode: the extension-host suite in a real VS Code (see launch.ts), skipped without one.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/vscode/**/*.test.ts'],
        testTimeout: 15 * 60_000,   // includes downloading VS Code when there is network
        pool: 'forks',
        setupFiles: ['test/helpers/repository-only.ts'],
        reporters: ['verbose']
    }
});
