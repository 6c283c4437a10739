import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { z } from '../../../src/contract/zod';
import { type FormTree, formList, formString, parseForm } from './form';
import { FAKE_STRIPE_KEYS } from './keys';
import { type CardInput, createLedger, type FakeIntent, type FakeRefund, StripeFailure } from './ledger';
import { createWebhooks, type Delivery, type FakeEvent, signStripePayload } from './webhooks';

export { FAKE_STRIPE_KEYS };

const API_VERSION = '2026-09-30.endive';

const fakeSettings = z.object({
  webhookUrl: z.optional(z.string()),
  webhooks: z.optional(z.enum(['send', 'withhold'])),
  webhookDelayMs: z.optional(z.int()),
  processingMs: z.optional(z.int()),
});
const STRIPE_JS = readFileSync(new URL('./stripe-js.js', import.meta.url), 'utf8');

export interface FakeStripeOptions {
  port?: number;
  /** Where events go; can be set later (`setWebhookUrl`), once the server under test knows its port. */
  webhookUrl?: string;
  keys?: Partial<typeof FAKE_STRIPE_KEYS>;
}

export interface SeenRequest {
  method: string;
  path: string;
  auth: 'secret' | 'publishable' | 'none';
  idempotencyKey?: string;
  stripeVersion?: string;
  at: number;
}

export interface FakeStripe {
  url: string;
  keys: typeof FAKE_STRIPE_KEYS;
  setWebhookUrl(url: string): void;
  /** `withhold` keeps events until `flushWebhooks()`; `delayMs` holds each delivery back. */
  webhooks(settings: { mode?: 'send' | 'withhold'; delayMs?: number }): void;
  /** How long card payments stay `processing` before succeeding (0: at once, as real cards). */
  setProcessingMs(ms: number): void;
  flushWebhooks(): Promise<Delivery[]>;
  redeliver(eventId: string): Promise<Delivery>;
  /** Resolves once every webhook delivery under way has been answered. */
  idle(): Promise<void>;
  /** Handles the next matching request, then drops its connection: the caller never hears the answer. */
  dropNextResponse(method: string, path: string): void;
  /** Confirms as Stripe.js would in the visitor's browser: publishable key and client secret, card data to "Stripe" only. */
  confirmAsBrowser(clientSecret: string, card: CardInput): Promise<{ status: number; body: Record<string, unknown> }>;
  /** The bank's authentication step (3DS test cards), answered. */
  authenticateAsBrowser(clientSecret: string, outcome: 'complete' | 'fail'): Promise<{ status: number; body: Record<string, unknown> }>;
  intents(): FakeIntent[];
  refunds(): FakeRefund[];
  events(type?: string): FakeEvent[];
  deliveries(): Delivery[];
  requests(filter?: { method?: string; path?: string }): SeenRequest[];
  /** A Stripe-Signature for a payload, for tests that forge or replay requests. */
  sign(payload: string, timestamp?: number): string;
  stop(): Promise<void>;
}

type Bindings = { Bindings: HttpBindings };

/**
 * A local stand-in for Stripe's API and Stripe.js, faithful where we and
 * Stripe.js depend on it: PaymentIntents (create, retrieve, confirm with
 * Stripe's test cards, cancel), refunds, idempotency keys, API versions,
 * Stripe's error shapes, signed webhooks, and the Stripe.js script at `/v3`
 * (and `/<release train>/stripe.js`, which @stripe/stripe-js injects).
 * Control routes under `/__fake/` for tests in another process.
 */
export async function startFakeStripe({ port = 0, webhookUrl, keys: keyOverrides }: FakeStripeOptions = {}): Promise<FakeStripe> {
  const keys = { ...FAKE_STRIPE_KEYS, ...keyOverrides };
  const webhookSettings = { url: webhookUrl, secret: keys.webhookSecret, mode: 'send' as 'send' | 'withhold', delayMs: 0 };
  const hooks = createWebhooks(webhookSettings);
  let processingMs = 0;
  let currentRequest: { id: string; idempotencyKey: string | null } = { id: '', idempotencyKey: null };
  const ledger = createLedger({
    processingMs: () => processingMs,
    emit(type, object) {
      hooks.emit({
        id: `evt_${randomBytes(12).toString('hex')}`,
        object: 'event',
        api_version: API_VERSION,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        pending_webhooks: 1,
        request: { id: currentRequest.id || null, idempotency_key: currentRequest.idempotencyKey },
        type,
        data: { object },
      });
    },
  });
  const seen: SeenRequest[] = [];
  const idempotency = new Map<string, { fingerprint: string; status: number; body: string }>();
  const drops: { method: string; path: string }[] = [];
  let url = '';

  const app = new Hono<Bindings>();
  const stripeError = (c: Context, failure: StripeFailure) => {
    const { code } = failure.error;
    return c.json(
      { error: { ...failure.error, ...(code ? { doc_url: `https://docs.stripe.com/error-codes/${code.replaceAll('_', '-')}` } : {}) } },
      failure.status,
    );
  };

  // Stripe's API answers browsers too (Stripe.js calls it from the page's origin).
  app.use('/v1/*', async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST, DELETE',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, Stripe-Version',
        'Access-Control-Max-Age': '300',
      });
    }
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Request-Id', currentRequest.id);
  });

  /** Who is calling: the secret key (header), or the publishable key (header, or `key` in the form or query as Stripe.js sends it). */
  async function caller(c: Context): Promise<{ auth: SeenRequest['auth']; form: FormTree; raw: string }> {
    const raw = c.req.method === 'POST' ? await c.req.text() : '';
    const form = parseForm(new URLSearchParams(c.req.method === 'POST' ? raw : new URL(c.req.url).search));
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const key = bearer ?? formString(form, 'key');
    const auth = key === keys.secretKey ? 'secret' : key === keys.publishableKey ? 'publishable' : 'none';
    const idempotencyKey = c.req.header('idempotency-key');
    const stripeVersion = c.req.header('stripe-version');
    seen.push({
      method: c.req.method,
      path: c.req.path,
      auth,
      at: Date.now(),
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(stripeVersion ? { stripeVersion } : {}),
    });
    currentRequest = { id: `req_${randomBytes(8).toString('hex')}`, idempotencyKey: idempotencyKey ?? null };
    if (auth === 'none') {
      const shown = key ? `${key.slice(0, 8)}********${key.slice(-4)}` : '';
      throw new StripeFailure(401, {
        type: 'invalid_request_error',
        message: key ? `Invalid API Key provided: ${shown}` : 'You did not provide an API key. Provide it in the Authorization header (Bearer auth).',
      });
    }
    return { auth, form, raw };
  }

  /** With a publishable key, only the intent's own client secret opens it. */
  function intentFor(intentId: string, auth: SeenRequest['auth'], form: FormTree) {
    const intent = ledger.find(intentId);
    if (auth === 'publishable' && formString(form, 'client_secret') !== intent.client_secret) {
      throw new StripeFailure(400, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `No such payment_intent: '${intentId}'`,
        param: 'client_secret',
      });
    }
    return intent;
  }

  const secretOnly = (auth: SeenRequest['auth']) => {
    if (auth !== 'secret') {
      throw new StripeFailure(401, {
        type: 'invalid_request_error',
        message: 'This API call cannot be made with a publishable API key. Please use a secret API key.',
      });
    }
  };

  /** Stripe's idempotency: the first answer for a key is kept and replayed; the key with other parameters is refused. */
  async function idempotent(c: Context, raw: string, run: () => Promise<Response> | Response): Promise<Response> {
    const key = c.req.header('idempotency-key');
    if (!key) return run();
    const fingerprint = `${c.req.method} ${c.req.path}\n${raw}`;
    const kept = idempotency.get(key);
    if (kept && kept.fingerprint !== fingerprint) {
      return stripeError(
        c,
        new StripeFailure(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        }),
      );
    }
    if (kept) return new Response(kept.body, { status: kept.status, headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' } });
    let response: Response;
    try {
      response = await run();
    } catch (error) {
      // A request refused before it ran (bad parameters) keeps no result; a declined card does, as at Stripe.
      if (!(error instanceof StripeFailure) || error.status !== 402) throw error;
      response = stripeError(c, error);
    }
    idempotency.set(key, { fingerprint, status: response.status, body: await response.clone().text() });
    return response;
  }

  const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : Number.NaN);

  app.post('/v1/payment_intents', async (c) => {
    const { auth, form, raw } = await caller(c);
    secretOnly(auth);
    return idempotent(c, raw, () => {
      const amount = int(formString(form, 'amount'));
      const currency = formString(form, 'currency') ?? '';
      if (!(amount >= 50)) {
        throw new StripeFailure(400, {
          type: 'invalid_request_error',
          code: 'amount_too_small',
          message: 'Amount must be at least $0.50 usd',
          param: 'amount',
        });
      }
      if (!/^[a-z]{3}$/.test(currency)) {
        throw new StripeFailure(400, { type: 'invalid_request_error', code: 'parameter_invalid_string', message: 'Invalid currency', param: 'currency' });
      }
      const metadata = form.metadata && typeof form.metadata === 'object' && !Array.isArray(form.metadata) ? form.metadata : {};
      const intent = ledger.create({
        amount,
        currency,
        description: formString(form, 'description'),
        metadata: Object.fromEntries(Object.entries(metadata).filter((e): e is [string, string] => typeof e[1] === 'string')),
        automaticPaymentMethods: formString(form, 'automatic_payment_methods', 'enabled') === 'true',
      });
      return c.json(ledger.view(intent));
    });
  });

  app.get('/v1/payment_intents/:id', async (c) => {
    const { auth, form } = await caller(c);
    const intent = intentFor(c.req.param('id'), auth, form);
    return c.json(ledger.view(intent, formList(form, 'expand')));
  });

  app.post('/v1/payment_intents/:id/confirm', async (c) => {
    const { auth, form, raw } = await caller(c);
    const intent = intentFor(c.req.param('id'), auth, form);
    return idempotent(c, raw, () => {
      const card: CardInput = {
        number: formString(form, 'payment_method_data', 'card', 'number') ?? '',
        exp_month: int(formString(form, 'payment_method_data', 'card', 'exp_month')),
        exp_year: int(formString(form, 'payment_method_data', 'card', 'exp_year')),
        cvc: formString(form, 'payment_method_data', 'card', 'cvc') ?? '',
        postal_code: formString(form, 'payment_method_data', 'billing_details', 'address', 'postal_code'),
      };
      return c.json(ledger.view(ledger.confirm(intent.id, card), formList(form, 'expand')));
    });
  });

  // Fake only: stands for the bank's 3-D Secure page that Stripe.js opens for authentication test cards.
  app.post('/v1/payment_intents/:id/authenticate', async (c) => {
    const { auth, form } = await caller(c);
    const intent = intentFor(c.req.param('id'), auth, form);
    return c.json(ledger.view(ledger.authenticate(intent.id, formString(form, 'outcome') === 'fail' ? 'fail' : 'complete')));
  });

  app.post('/v1/payment_intents/:id/cancel', async (c) => {
    const { auth, form, raw } = await caller(c);
    secretOnly(auth);
    return idempotent(c, raw, () => c.json(ledger.view(ledger.cancel(c.req.param('id'), formString(form, 'cancellation_reason')))));
  });

  app.post('/v1/refunds', async (c) => {
    const { auth, form, raw } = await caller(c);
    secretOnly(auth);
    return idempotent(c, raw, () => {
      const intentId = formString(form, 'payment_intent');
      if (!intentId)
        throw new StripeFailure(400, { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: payment_intent.' });
      return c.json(ledger.refund(intentId));
    });
  });

  // Stripe.js: `/v3` (a script tag's usual URL) and `/<train>/stripe.js` (what @stripe/stripe-js 10 injects).
  // `?api=stripe`: the script calls https://api.stripe.com, which a Playwright route forwards here (see playwright.ts).
  const script = (c: Context) =>
    c.body(STRIPE_JS.replace("'__FAKE_STRIPE_API__'", JSON.stringify(c.req.query('api') === 'stripe' ? 'https://api.stripe.com' : url)), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
  app.get('/v3', script);
  app.get('/v3/', script);
  app.get('/:train/stripe.js', script);

  // Control, for tests that run the fake in another process.
  app.get('/__fake/state', (c) =>
    c.json({ intents: [...ledger.intents.values()], refunds: ledger.refunds, events: hooks.events, deliveries: hooks.deliveries, requests: seen }),
  );
  app.post('/__fake/settings', async (c) => {
    const body = fakeSettings.parse(await c.req.json());
    if (typeof body.webhookUrl === 'string') webhookSettings.url = body.webhookUrl;
    if (body.webhooks === 'send' || body.webhooks === 'withhold') webhookSettings.mode = body.webhooks;
    if (typeof body.webhookDelayMs === 'number') webhookSettings.delayMs = body.webhookDelayMs;
    if (typeof body.processingMs === 'number') processingMs = body.processingMs;
    return c.json({ ok: true });
  });
  app.post('/__fake/webhooks/flush', async (c) => c.json({ deliveries: await hooks.flush() }));
  app.post('/__fake/events/:id/redeliver', async (c) => c.json(await hooks.redeliver(c.req.param('id'))));

  app.notFound((c) =>
    c.json({ error: { type: 'invalid_request_error', message: `Unrecognized request URL (${c.req.method}: ${c.req.path}).` } }, 404, {
      'Access-Control-Allow-Origin': '*',
    }),
  );
  app.onError((error, c) => {
    if (error instanceof StripeFailure) return stripeError(c, error);
    console.error('[fake stripe]', error);
    return c.json({ error: { type: 'api_error', message: 'An unknown error occurred' } }, 500);
  });

  const server = createAdaptorServer({
    fetch: async (request: Request, env: HttpBindings | Http2Bindings) => {
      const response = await app.fetch(request, env);
      const path = new URL(request.url).pathname;
      const drop = drops.findIndex((d) => d.method === request.method && d.path === path);
      if (drop >= 0) {
        drops.splice(drop, 1);
        env.incoming.socket.destroy();
      }
      return response;
    },
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const asBrowser = async (path: string, clientSecret: string, fields: Record<string, string>) => {
    const intentId = clientSecret.split('_secret_')[0] ?? '';
    const res = await fetch(`${url}/v1/payment_intents/${intentId}/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key: keys.publishableKey, client_secret: clientSecret, ...fields }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  return {
    url,
    keys,
    setWebhookUrl(next) {
      webhookSettings.url = next;
    },
    webhooks({ mode, delayMs }) {
      if (mode) webhookSettings.mode = mode;
      if (delayMs !== undefined) webhookSettings.delayMs = delayMs;
    },
    setProcessingMs(ms) {
      processingMs = ms;
    },
    flushWebhooks: () => hooks.flush(),
    redeliver: (eventId) => hooks.redeliver(eventId),
    idle: () => hooks.idle(),
    dropNextResponse(method, path) {
      drops.push({ method, path });
    },
    confirmAsBrowser: (clientSecret, card) =>
      asBrowser('confirm', clientSecret, {
        'payment_method_data[type]': 'card',
        'payment_method_data[card][number]': card.number,
        'payment_method_data[card][exp_month]': String(card.exp_month),
        'payment_method_data[card][exp_year]': String(card.exp_year),
        'payment_method_data[card][cvc]': card.cvc,
        ...(card.postal_code ? { 'payment_method_data[billing_details][address][postal_code]': card.postal_code } : {}),
      }),
    authenticateAsBrowser: (clientSecret, outcome) => asBrowser('authenticate', clientSecret, { outcome }),
    intents: () => [...ledger.intents.values()].map((i) => structuredClone(i)),
    refunds: () => ledger.refunds.map((r) => ({ ...r })),
    events: (type) => hooks.events.filter((e) => !type || e.type === type),
    deliveries: () => [...hooks.deliveries],
    requests: (filter = {}) => seen.filter((r) => (!filter.method || r.method === filter.method) && (!filter.path || r.path === filter.path)),
    sign: (payload, timestamp) => signStripePayload(payload, keys.webhookSecret, timestamp),
    async stop() {
      await hooks.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
