import type { ZodMiniType } from 'zod/mini';
import { type PaymentIntent, paymentIntent, refund, type StripeError, stripeErrorBody } from './stripe-schemas';

/** Pinned, so an account's default version changing in Stripe's dashboard never changes what we parse. Stripe.js 'endive' matches it. */
export const STRIPE_API_VERSION = '2026-09-30.endive';
export const STRIPE_API_BASE = 'https://api.stripe.com';

export interface StripeConfig {
  /** `sk_…` or a restricted `rk_…` key: server side only, never logged. */
  secretKey: string;
  /** `whsec_…`: the webhook endpoint's signing secret. Without it the webhook answers 503. */
  webhookSecret?: string;
  /** Where Stripe's API is; tests point it at the fake. */
  apiBase?: string;
  /** Per call; Stripe's answer usually comes in well under a second. */
  timeoutMs?: number;
}

/** A call to Stripe that failed: `status` 0 when no answer came at all. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: StripeError,
  ) {
    super(`Stripe answered ${status || 'nothing'}: ${error.type}${error.code ? ` (${error.code})` : ''}${error.message ? `: ${error.message}` : ''}`);
  }
}

type FormValue = string | number | boolean | undefined | FormValue[] | { [key: string]: FormValue };

/** Stripe's form encoding: nested objects as `a[b]=…`, arrays as `a[]=…`. */
export function formEncode(value: Record<string, FormValue>): URLSearchParams {
  const params = new URLSearchParams();
  const add = (key: string, v: FormValue) => {
    if (v === undefined) return;
    if (Array.isArray(v)) for (const item of v) add(`${key}[]`, item);
    else if (typeof v === 'object') for (const [k, inner] of Object.entries(v)) add(`${key}[${k}]`, inner);
    else params.append(key, String(v));
  };
  for (const [k, v] of Object.entries(value)) add(k, v);
  return params;
}

interface CallOptions {
  form?: Record<string, FormValue>;
  query?: Record<string, FormValue>;
  /** Stripe keeps a key's first answer for 24 hours and replays it, so a retried create makes nothing twice. */
  idempotencyKey?: string;
}

export interface CreatePaymentIntent {
  amount: number;
  currency: string;
  description: string;
  metadata: Record<string, string>;
}

export type StripeApi = ReturnType<typeof createStripeApi>;

/** The few calls of Stripe's REST API we make, over fetch, answers validated. */
export function createStripeApi({ secretKey, apiBase = STRIPE_API_BASE, timeoutMs = 20_000 }: StripeConfig) {
  async function call<T>(method: 'GET' | 'POST', path: string, schema: ZodMiniType<T>, { form, query, idempotencyKey }: CallOptions = {}): Promise<T> {
    const url = new URL(path, apiBase);
    if (query) url.search = formEncode(query).toString();
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${secretKey}`,
          'Stripe-Version': STRIPE_API_VERSION,
          ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
          ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
        },
        ...(form ? { body: formEncode(form) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new StripeApiError(0, { type: 'api_connection_error', message: error instanceof Error ? error.message : String(error) });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = stripeErrorBody.safeParse(body);
      throw new StripeApiError(response.status, parsed.success ? parsed.data.error : { type: 'api_error', message: 'unreadable error answer' });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new StripeApiError(response.status, { type: 'api_error', message: `unexpected answer to ${method} ${path}` });
    return parsed.data;
  }

  return {
    createPaymentIntent: ({ amount, currency, description, metadata }: CreatePaymentIntent, idempotencyKey: string): Promise<PaymentIntent> =>
      call('POST', '/v1/payment_intents', paymentIntent, {
        form: { amount, currency, description, metadata, automatic_payment_methods: { enabled: true } },
        idempotencyKey,
      }),
    /** With the payment method expanded, for the card's brand and last 4. */
    retrievePaymentIntent: (id: string): Promise<PaymentIntent> =>
      call('GET', `/v1/payment_intents/${encodeURIComponent(id)}`, paymentIntent, { query: { expand: ['payment_method'] } }),
    cancelPaymentIntent: (id: string): Promise<PaymentIntent> =>
      call('POST', `/v1/payment_intents/${encodeURIComponent(id)}/cancel`, paymentIntent, { form: {}, idempotencyKey: `cancel:${id}` }),
    /** The whole amount back; one refund per intent, whoever asks how often. */
    refundPaymentIntent: (id: string) => call('POST', '/v1/refunds', refund, { form: { payment_intent: id }, idempotencyKey: `refund:${id}` }),
  };
}
