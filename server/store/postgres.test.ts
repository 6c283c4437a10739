import { createServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freshSchema } from '../../test/support/pg-schema';
import { createPostgresStore } from './postgres';
import type { StoredBooking, StoredPayment } from './types';

/** What the PostgreSQL store adds to the contract suite (contract.test.ts): its limits answer rather than hang. */
const url = inject('postgresUrl');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const T0 = Date.parse('2027-01-10T18:00:00Z');
const booking: StoredBooking = {
  id: 'bk_locked',
  tenantId: 'demo',
  slotId: '2027-03-03T18:00',
  start: Date.parse('2027-03-04T02:00:00Z'),
  quoteId: 'qt_1',
  guests: 10,
  totalCents: 60_000,
  depositCents: 12_000,
  currency: 'USD',
  customer: { name: 'Aiko Tanaka', email: 'aiko@example.com', phone: '2135550142' },
  address: { line1: '1 Main St', city: 'Los Angeles', zip: '90012' },
  notes: '',
  status: 'pending_deposit',
  holdExpiresAt: T0 + 15 * 60_000,
  createdAt: T0,
};

describe('PostgreSQL store limits', () => {
  it('gives up on a database that accepts connections but never answers, within its connection timeout', async () => {
    // A port that takes the TCP connection and then says nothing, like a hung server or a black-holed proxy.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const started = Date.now();
    await expect(createPostgresStore(`postgres://teppan@127.0.0.1:${port}/teppan`, { connectionTimeoutMillis: 500 })).rejects.toThrow(/timeout/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cancels a statement that waits on a lock past its statement timeout, and works again once the lock is gone', async () => {
    const { schema, drop } = freshSchema(url);
    const store = await createPostgresStore(url, { schema, statementTimeoutMillis: 300 });
    cleanups.push(drop, () => store.close());
    expect(
      await store.holdSeating(
        booking,
        { capacity: 3, holdsPerQuote: 3, holdsPerVisitorPerDate: 2, unpaidHoldsPerVisitorPerDate: 4, renewalWindowMs: 86_400_000 },
        T0,
      ),
    ).toEqual({
      outcome: 'created',
    });

    // Another instance stuck mid-transaction on the booking: starting a payment for it must wait for that row.
    const stuck = new pg.Client({ connectionString: url });
    await stuck.connect();
    cleanups.push(() => stuck.end());
    await stuck.query('BEGIN');
    await stuck.query(`SELECT 1 FROM ${schema}.bookings WHERE id = $1 FOR UPDATE`, [booking.id]);

    const payment: StoredPayment = {
      id: 'pay_1',
      tenantId: 'demo',
      bookingId: booking.id,
      provider: 'test',
      status: 'requires_confirmation',
      amountCents: 12_000,
      currency: 'USD',
      createdAt: T0,
      updatedAt: T0,
    };
    const started = Date.now();
    await expect(store.startPayment(payment, T0)).rejects.toThrow(/statement timeout/);
    expect(Date.now() - started).toBeLessThan(3_000);

    await stuck.query('ROLLBACK');
    expect(await store.startPayment(payment, T0)).toEqual({ outcome: 'created' });
  });
});
