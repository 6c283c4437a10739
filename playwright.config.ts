import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './test/support/chromium.ts';
import { FAKE_STRIPE_KEYS } from './test/support/fake-stripe/keys.ts';

/** End-to-end: the demo as `npm start` serves it (real server, SQLite in memory, chaos on), in Debian's Chromium. */
const PORT = Number(process.env.E2E_PORT ?? 8797);
const FAKE_STRIPE_PORT = Number(process.env.E2E_FAKE_STRIPE_PORT ?? PORT + 1);
export const FAKE_STRIPE_URL = `http://127.0.0.1:${FAKE_STRIPE_PORT}`;

export default defineConfig({
  // The demo's journeys, and the reliability suite's fault matrix and hostile input (test/reliability/README.md).
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'reliability/**/*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Whole funnels with several axe passes run 10–20 s on a loaded 2-core machine: room to spare, not a speed test.
  timeout: 60_000,
  // A shared 2-core machine can take seconds to run a chunk under load; waits are for outcomes, not speed.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    // A local stand-in for Stripe (its API, signed webhooks to the demo server, and Stripe.js), for the Stripe provider's tests.
    {
      command: 'node --import tsx test/support/fake-stripe/main.ts',
      env: { FAKE_STRIPE_PORT: String(FAKE_STRIPE_PORT), FAKE_STRIPE_WEBHOOK_URL: `http://localhost:${PORT}/api/v1/webhooks/stripe` },
      url: `${FAKE_STRIPE_URL}/v3`,
      reuseExistingServer: false,
      // Whole funnels with several axe passes run 10–20 s on a loaded 2-core machine: room to spare, not a speed test.
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: 'node --import tsx scripts/start.ts',
      env: {
        PORT: String(PORT),
        TEPPAN_DB: ':memory:',
        TEPPAN_CHAOS: '1',
        // No background Storybook build competing with the browser for the CPU: no test opens /storybook/.
        TEPPAN_STORYBOOK: 'off',
        // The chat's journeys, the fault matrix and the hostile-input corpus leave many leads, all from loopback
        // (one visitor): the production allowance is a handful an hour.
        TEPPAN_LEAD_LIMITS: '10000,10000',
        // The demo tenant pays with the test provider; a second tenant with Stripe, against the fake.
        TEPPAN_TENANTS: 'test/fixtures/stripe-tenants.json',
        STRIPE_SECRET_KEY: FAKE_STRIPE_KEYS.secretKey,
        STRIPE_WEBHOOK_SECRET: FAKE_STRIPE_KEYS.webhookSecret,
        STRIPE_API_BASE: FAKE_STRIPE_URL,
      },
      url: `http://localhost:${PORT}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
  ],
});
