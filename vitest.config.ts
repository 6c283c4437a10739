import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumPath } from './test/support/chromium.ts';

/** Real Chromium (Debian's): browser downloads are impossible on these machines. */
// A fresh object per project: Vitest names each instance after its project, in place.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
});

// Pre-bundled up front: discovering them mid-run makes Vite reload and the run lose its suite.
const optimizeDeps = {
  include: [
    'msw',
    'msw/browser',
    'msw-storybook-addon/csf3',
    'hono',
    'hono/body-limit',
    '@tanstack/react-query',
    'axios',
    'axios-retry',
    'zod/mini',
    'zipcodes',
    'react',
    'react-dom',
    'react-dom/client',
    'axe-core',
    '@testing-library/react',
    '@testing-library/user-event',
  ],
};

export default defineConfig({
  optimizeDeps,
  test: {
    projects: [
      {
        extends: './vite.config.ts',
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'test/*.test.ts'],
          exclude: ['**/*.browser.test.tsx'],
          // The PostgreSQL store's tests run on a real cluster, one per run.
          globalSetup: ['test/support/postgres-setup.ts'],
        },
      },
      {
        extends: './vite.config.ts',
        test: {
          name: 'api',
          environment: 'node',
          include: ['test/api/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          // Each file starts its own server; chaos rules are per server, so files stay independent.
          testTimeout: 30_000,
          // Shared with the unit project: one cluster for the run (see the setup).
          globalSetup: ['test/support/postgres-setup.ts'],
          hookTimeout: 30_000,
        },
      },
      {
        extends: './vite.config.ts',
        optimizeDeps,
        test: { name: 'components', include: ['src/**/*.browser.test.tsx'], setupFiles: ['test/support/browser-setup.ts'], browser: browser() },
      },
      {
        extends: './vite.config.ts',
        optimizeDeps,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: { name: 'storybook', browser: browser() },
      },
    ],
  },
});
