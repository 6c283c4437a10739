import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type CardInput, type FakeStripe, startFakeStripe } from './fake-stripe';
import { startServer, type TestServer } from './server';

/** The Stripe tenant's keys (test/fixtures/stripe-tenants.json). */
export const STRIPE_PK = 'pk_test_stripe_tenant';
export const STRIPE_SK = 'sk_test_stripe_tenant';
/** A card the fake Stripe charges. */
export const STRIPE_CARD: CardInput = { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123', postal_code: '90012' };

export interface StripeServer {
  fake: FakeStripe;
  server: TestServer;
  /** The store's secret, read from its file: what mints the manage links the confirmation email carries. */
  secret: string;
  stop(): Promise<void>;
}

/**
 * The real server with the Stripe tenant (test/fixtures/stripe-tenants.json)
 * against a fresh fake Stripe that sends it signed webhooks, on a SQLite file
 * of its own.
 */
export async function startStripeServer(): Promise<StripeServer> {
  const fake = await startFakeStripe();
  const dir = mkdtempSync(join(tmpdir(), 'teppan-stripe-'));
  const server = await startServer({
    TEPPAN_DB: join(dir, 'db'),
    TEPPAN_TENANTS: 'test/fixtures/stripe-tenants.json',
    STRIPE_SECRET_KEY: fake.keys.secretKey,
    STRIPE_WEBHOOK_SECRET: fake.keys.webhookSecret,
    STRIPE_API_BASE: fake.url,
  });
  fake.setWebhookUrl(`${server.url}/api/v1/webhooks/stripe`);
  const db = new Database(join(dir, 'db'), { readonly: true });
  const secret = (db.prepare("SELECT value FROM meta WHERE name = 'secret'").get() as { value: string }).value;
  db.close();
  return {
    fake,
    server,
    secret,
    async stop() {
      await server.stop();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
