import type { Tenant } from '../tenants';
import { STRIPE_API_BASE, type StripeConfig } from './stripe-api';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Stripe's settings from the environment: STRIPE_SECRET_KEY (sk_… or rk_…),
 * STRIPE_WEBHOOK_SECRET (whsec_…), STRIPE_API_BASE (tests: the fake). None of
 * them set is fine: the demo's test provider needs nothing. Returns the config
 * and what the operator should hear about; throws on settings that would leak.
 */
export function stripeConfigFromEnv(env: Record<string, string | undefined>, tenants: Tenant[]): { stripe?: StripeConfig; warnings: string[] } {
  const warnings: string[] = [];
  const secretKey = env.STRIPE_SECRET_KEY?.trim() || undefined;
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET?.trim() || undefined;
  const apiBase = env.STRIPE_API_BASE?.trim() || STRIPE_API_BASE;
  const base = new URL(apiBase);
  // The secret key travels in every request's headers: plain HTTP only to this machine (a local fake).
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && LOOPBACK.has(base.hostname))) {
    throw new Error(`STRIPE_API_BASE must be https:// (or http:// on loopback for a local fake), not ${base.origin}.`);
  }
  const stripeTenants = tenants.filter((t) => t.catalog.payments.provider === 'stripe').map((t) => t.id);
  if (!secretKey) {
    if (stripeTenants.length > 0) warnings.push(`STRIPE_SECRET_KEY is not set: payments of ${stripeTenants.join(', ')} answer 503 payments-unavailable.`);
    if (webhookSecret) warnings.push('STRIPE_WEBHOOK_SECRET is set without STRIPE_SECRET_KEY: the webhook answers 503.');
    return { warnings };
  }
  if (!/^(sk|rk)_(test|live)_\w+$/.test(secretKey)) throw new Error('STRIPE_SECRET_KEY must be a Stripe secret or restricted key (sk_… or rk_…).');
  if (webhookSecret && !/^whsec_\w+$/.test(webhookSecret)) throw new Error('STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…).');
  if (!webhookSecret) warnings.push('STRIPE_WEBHOOK_SECRET is not set: the webhook answers 503; payments settle only when read (GET /api/v1/payments/:id).');
  return { stripe: { secretKey, apiBase: base.origin, ...(webhookSecret ? { webhookSecret } : {}) }, warnings };
}
