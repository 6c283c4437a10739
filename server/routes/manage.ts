import { type Context, Hono } from 'hono';
import { cancelRequest, rescheduleRequest } from '../../src/contract';
import { publicBooking } from '../domain/bookings';
import { bookingOfToken, cancelBooking, type ManageContext, type ManageLinks, manageView, rescheduleBooking } from '../domain/manage';
import type { AppEnv } from '../http/env';
import { jsonBody } from '../http/validate';
import type { Store } from '../store/types';
import type { Gateways } from './payments';

/**
 * The customer's manage link (publishable key; the token is the capability).
 * GET only reads, so a mail scanner opening the link changes nothing; every
 * change is a POST with an Idempotency-Key.
 */
export function manageRoutes(store: Store, now: () => number, gateways: Gateways, links: ManageLinks) {
  const ctx = (c: Context<AppEnv>): ManageContext => ({ store, tenant: c.get('tenant'), now: now(), gateways, links });
  const booking = (c: Context<AppEnv>, at: ManageContext) => bookingOfToken(store, at.tenant, c.req.param('token') ?? '', at.now);
  // A booking and what may be done with it, behind a secret link: no cache or proxy keeps it.
  const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', 'no-store');

  return new Hono<AppEnv>()
    .get('/manage/:token', async (c) => {
      const at = ctx(c);
      noStore(c);
      return c.json(await manageView(at, await booking(c, at)));
    })
    .post('/manage/:token/reschedule', async (c) => {
      const at = ctx(c);
      noStore(c);
      const b = await booking(c, at);
      const { slotId } = await jsonBody(c, rescheduleRequest);
      return c.json({ booking: publicBooking(await rescheduleBooking(at, b, slotId), at.tenant.catalog, at.now) });
    })
    .post('/manage/:token/cancel', async (c) => {
      const at = ctx(c);
      noStore(c);
      const b = await booking(c, at);
      const { reason } = await jsonBody(c, cancelRequest);
      const result = await cancelBooking(at, b, reason || undefined);
      return c.json({ booking: publicBooking(result.booking, at.tenant.catalog, at.now), refundCents: result.refundCents });
    });
}
