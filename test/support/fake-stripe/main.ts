import { startFakeStripe } from './server';

/**
 * The fake Stripe as its own process (e.g. a Playwright `webServer`):
 *   node --import tsx test/support/fake-stripe/main.ts
 * FAKE_STRIPE_PORT (0: any free port), FAKE_STRIPE_WEBHOOK_URL (where events go;
 * or POST /__fake/settings { webhookUrl } later). Prints its URL on one line.
 */
const fake = await startFakeStripe({
  port: Number(process.env.FAKE_STRIPE_PORT ?? 0),
  ...(process.env.FAKE_STRIPE_WEBHOOK_URL ? { webhookUrl: process.env.FAKE_STRIPE_WEBHOOK_URL } : {}),
});
console.log(`Fake Stripe on ${fake.url} (secret key ${fake.keys.secretKey}, webhook secret ${fake.keys.webhookSecret})`);

const stop = async () => {
  await fake.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
