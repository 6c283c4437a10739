import { defineConfig } from '@playwright/test';
import { chromiumPath } from './test/support/chromium.ts';

/** End-to-end: the demo as `npm start` serves it (real server, SQLite in memory, chaos on), in Debian's Chromium. */
const PORT = Number(process.env.E2E_PORT ?? 8797);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node --import tsx scripts/start.ts',
    env: { PORT: String(PORT), TEPPAN_DB: ':memory:', TEPPAN_CHAOS: '1' },
    url: `http://localhost:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
  },
});
