import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { type FakeStripe, installFakeStripeJs, startFakeStripe } from '../support/fake-stripe';

/**
 * The fake Stripe.js as the Stripe provider will meet it: loaded by
 * @stripe/stripe-js's own loadStripe (pure), its Payment Element mounted in a
 * shadow root, on a page whose CSP allows Stripe.js but no inline style or script.
 */
declare global {
  interface Window {
    /** The test shop page's handles (this spec only). */
    __shop?: { events: string[]; pay(clientSecret?: string): Promise<unknown> };
  }
}

let fake: FakeStripe;
test.beforeAll(async () => {
  fake = await startFakeStripe();
});
test.afterAll(async () => {
  await fake.stop();
});

const ORIGIN = 'https://shop.teppan.test';
const PURE = readFileSync('node_modules/@stripe/stripe-js/dist/pure.mjs', 'utf8');
const APP = `
import { loadStripe } from './stripe-pure.mjs';
const params = new URLSearchParams(location.search);
const host = document.getElementById('host');
const root = host.attachShadow({ mode: 'open' });
const mount = document.createElement('div');
root.append(mount);
const stripe = await loadStripe(params.get('pk'));
const secret = params.get('secret');
const elements = secret
  ? stripe.elements({ clientSecret: secret, appearance: { variables: { colorPrimary: '#b4232a' } } })
  : stripe.elements({ mode: 'payment', amount: 10000, currency: 'usd' });
const element = elements.create('payment');
const events = [];
element.on('ready', () => events.push('ready'));
element.on('change', (e) => events.push(e.complete ? 'complete' : 'change'));
element.mount(mount);
async function pay(clientSecret) {
  if (!secret) {
    const { error } = await elements.submit();
    if (error) return { error };
  }
  return stripe.confirmPayment({ elements, clientSecret, redirect: 'if_required', confirmParams: { return_url: location.href } });
}
window.__shop = { events, pay };
`;

async function openShop(page: Page, query: Record<string, string>) {
  await installFakeStripeJs(page, fake.url);
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/stripe-pure.mjs') return route.fulfill({ contentType: 'text/javascript', body: PURE });
    if (path === '/app.js') return route.fulfill({ contentType: 'text/javascript', body: APP });
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' https://js.stripe.com; connect-src https://api.stripe.com; style-src 'self'"><script type="module" src="/app.js"></script></head><body><div id="host"></div></body></html>`,
    });
  });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${ORIGIN}/?${new URLSearchParams({ pk: fake.keys.publishableKey, ...query })}`);
  return violations;
}

async function newIntent(): Promise<string> {
  const res = await fetch(`${fake.url}/v1/payment_intents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fake.keys.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'amount=10000&currency=usd&automatic_payment_methods[enabled]=true',
  });
  return ((await res.json()) as { client_secret: string }).client_secret;
}

async function fillCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration date').fill('12 / 34');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('Postal code').fill('90012');
}

test('loadStripe picks up the fake; its Payment Element works in a shadow root under a strict CSP and pays with 4242', async ({ page }) => {
  const secret = await newIntent();
  const violations = await openShop(page, { secret });
  await expect.poll(() => page.evaluate(() => window.__shop?.events)).toContain('ready');
  await fillCard(page, '4242 4242 4242 4242');
  expect(await page.evaluate(() => window.__shop?.events.at(-1))).toBe('complete');
  const result = await page.evaluate(() => window.__shop?.pay());
  expect(result).toMatchObject({ paymentIntent: { status: 'succeeded', id: secret.split('_secret_')[0] } });
  expect(violations).toEqual([]);
});

test('a declined card comes back as Stripe.js reports it; incomplete fields are a validation error', async ({ page }) => {
  const secret = await newIntent();
  await openShop(page, { secret });
  await page.getByLabel('Card number').fill('4242');
  expect(await page.evaluate(() => window.__shop?.pay())).toMatchObject({
    error: { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' },
  });
  await expect(page.getByText('Your card number is incomplete.')).toBeVisible();
  await fillCard(page, '4000 0000 0000 0002');
  expect(await page.evaluate(() => window.__shop?.pay())).toMatchObject({
    error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  });
});

test('deferred intents: elements.submit() first, then confirm with the client secret; 3-D Secure asks in a dialog', async ({ page }) => {
  await openShop(page, {});
  await fillCard(page, '4000 0025 0000 3155');
  const secret = await newIntent();
  const paying = page.evaluate((s) => window.__shop?.pay(s), secret);
  await page.getByRole('dialog', { name: '3D Secure test authentication' }).getByRole('button', { name: 'Complete authentication' }).click();
  expect(await paying).toMatchObject({ paymentIntent: { status: 'succeeded' } });
});
