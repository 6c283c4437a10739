import { createServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freshSchema } from '../../test/support/pg-schema';
import { booking, payment, RULES, T0 } from '../../test/support/store-records';
import { createPostgresStore } from './postgres';
import { isStoreUnavailable } from './unavailable';

/** What the PostgreSQL store adds to the contract suite (contract.test.ts): its limits answer rather than hang. */
const url = inject('postgresUrl');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('PostgreSQL store limits', () => {
  it('gives up on a database that accepts connections but never answers, within its connection timeout, as unavailable', async () => {
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
    // It opens all the same (the database may come back), and each call that needs the database fails as unavailable.
    const store = await createPostgresStore(`postgres://teppan@127.0.0.1:${port}/teppan`, { connectionTimeoutMillis: 500 });
    cleanups.push(() => store.close());
    const failure = await store.getQuote('demo', 'qt_1').catch((error: unknown) => error);
    expect(String(failure)).toMatch(/timeout/i);
    expect(isStoreUnavailable(failure)).toBe(true);
    await expect(store.ping()).rejects.toThrow(/timeout/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cancels a statement that waits on a lock past its statement timeout, and works again once the lock is gone', async () => {
    const { schema, drop } = freshSchema(url);
    const store = await createPostgresStore(url, { schema, statementTimeoutMillis: 300 });
    cleanups.push(drop, () => store.close());
    const held = booking();
    expect(await store.holdSeating(held, RULES, T0)).toEqual({ outcome: 'created' });

    // Another instance stuck mid-transaction on the booking: starting a payment for it must wait for that row.
    const stuck = new pg.Client({ connectionString: url });
    await stuck.connect();
    cleanups.push(() => stuck.end());
    await stuck.query('BEGIN');
    await stuck.query(`SELECT 1 FROM ${schema}.bookings WHERE id = $1 FOR UPDATE`, [held.id]);

    const first = payment(held);
    const started = Date.now();
    await expect(store.startPayment(first, T0)).rejects.toThrow(/statement timeout/);
    expect(Date.now() - started).toBeLessThan(3_000);

    await stuck.query('ROLLBACK');
    expect(await store.startPayment(first, T0)).toEqual({ outcome: 'created' });
  });
});
