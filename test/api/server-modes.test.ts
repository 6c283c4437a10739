import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Booking } from '../../src/contract';
import { bookingBody, createQuote, json, PK } from '../support/fixtures';
import { startServer } from '../support/server';

const dir = mkdtempSync(join(tmpdir(), 'teppan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('server modes', () => {
  it('serves no fault injection without TEPPAN_CHAOS=1', async () => {
    const server = await startServer({ TEPPAN_CHAOS: '0' });
    try {
      const res = await fetch(`${server.url}/__chaos`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"path":"/api/v1/catalog","status":503}',
      });
      expect(res.status).toBe(404);
      expect((await fetch(`${server.url}/api/v1/catalog?key=${PK}`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('keeps bookings in the SQLite file named by TEPPAN_DB across restarts', async () => {
    const file = join(dir, 'teppan.db');
    const first = await startServer({ TEPPAN_DB: file });
    let booking: Booking;
    try {
      const quote = await createQuote(first.url);
      const res = await fetch(`${first.url}/api/v1/bookings`, json(bookingBody(quote, `${quote.eventDate}T15:00`), { 'idempotency-key': crypto.randomUUID() }));
      booking = (await res.json()) as Booking;
      expect(res.status).toBe(201);
    } finally {
      await first.stop();
    }
    const second = await startServer({ TEPPAN_DB: file });
    try {
      const again = await fetch(`${second.url}/api/v1/bookings/${booking.id}?key=${PK}`);
      expect(await again.json()).toEqual(booking);
    } finally {
      await second.stop();
    }
  });
});
