import { type Context, Hono } from 'hono';
import { paymentAuthenticateRequest, paymentConfirmRequest, paymentStartRequest } from '../../src/contract';
import type { ManageLinks } from '../domain/manage';
import {
  authenticateTestPayment,
  confirmTestPayment,
  currentPayment,
  type PaymentContext,
  type PaymentGateway,
  paymentView,
  startPayment,
} from '../domain/payments';
import type { AppEnv } from '../http/env';
import { storedId } from '../http/idempotency';
import { jsonBody } from '../http/validate';
import type { Store, StoredPayment, StoredResponse } from '../store/types';

export type Gateways = Partial<Record<StoredPayment['provider'], PaymentGateway>>;

/** A replayed payment as it stands now (a start replayed after the card went through reads `succeeded`). */
export const currentPaymentOf =
  (store: Store, now: () => number, gateways: Gateways, links: ManageLinks) => async (c: Context<AppEnv>, stored: StoredResponse) =>
    paymentView(await currentPayment({ store, tenant: c.get('tenant'), now: now(), gateways, links }, storedId(stored)));

/** Deposit payments: start one for a held booking, confirm it (test provider), read it. */
export function paymentRoutes(store: Store, now: () => number, gateways: Gateways, links: ManageLinks) {
  const ctx = (c: Context<AppEnv>): PaymentContext => ({ store, tenant: c.get('tenant'), now: now(), gateways, links });
  const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', 'no-store');

  return new Hono<AppEnv>()
    .post('/bookings/:id/payments', async (c) => {
      // The body is optional ({} at most): the amount and provider come from the booking and the tenant.
      if (c.req.header('content-length') !== '0' && c.req.header('content-type')) await jsonBody(c, paymentStartRequest);
      const payment = await startPayment(ctx(c), c.req.param('id'), c.req.header('idempotency-key') ?? '');
      noStore(c);
      c.header('Location', `/api/v1/payments/${payment.id}`);
      return c.json(paymentView(payment), 201);
    })
    .post('/payments/:id/confirm', async (c) => {
      const { card } = await jsonBody(c, paymentConfirmRequest);
      noStore(c);
      return c.json(paymentView(await confirmTestPayment(ctx(c), c.req.param('id'), card)));
    })
    .post('/payments/:id/authenticate', async (c) => {
      const { outcome } = await jsonBody(c, paymentAuthenticateRequest);
      noStore(c);
      return c.json(paymentView(await authenticateTestPayment(ctx(c), c.req.param('id'), outcome)));
    })
    .get('/payments/:id', async (c) => {
      noStore(c);
      return c.json(paymentView(await currentPayment(ctx(c), c.req.param('id'))));
    });
}
