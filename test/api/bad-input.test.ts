import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTE_VALID_DAYS } from '../../server/domain/quotes';
import type { ProblemDetails } from '../../src/contract';
import { addDays } from '../../src/core/schedule';
import { bookableDate, bookingBody, createQuote, json, PK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  // Whatever was thrown at it, the server still answers.
  expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  await server.stop();
});

const send = (path: string, init: RequestInit) => fetch(`${server.url}/api/v1${path}`, init);

async function problemOf(res: Response): Promise<ProblemDetails> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as ProblemDetails;
  expect(body.status).toBe(res.status);
  expect(body.title.length).toBeGreaterThan(0);
  return body;
}

const fieldOf = (p: ProblemDetails, field: string) => p.errors?.find((e) => e.field === field)?.detail;
/** A field error's code and params: what a widget words in the visitor's language. */
const codeOf = (p: ProblemDetails, field: string) => {
  const e = p.errors?.find((f) => f.field === field);
  return e && { code: e.code, params: e.params };
};

describe('bad input to POST /quotes', () => {
  const valid = { adults: 10, eventDate: bookableDate(), zip: '90012' };

  it('malformed JSON: 400 saying so', async () => {
    const res = await send('/quotes', { ...json({}), body: '{"adults": 10,' });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/not valid JSON/);
  });

  it('not JSON at all: 415', async () => {
    const res = await send('/quotes', { method: 'POST', headers: { authorization: `Bearer ${PK}`, 'content-type': 'text/plain' }, body: 'ten adults' });
    expect(res.status).toBe(415);
    await problemOf(res);
  });

  it.each([
    ['wrong types', { ...valid, adults: 'ten', zip: 90012 }, { adults: 'Enter a whole number.', zip: 'Must be text.' }],
    ['fractional guests', { ...valid, adults: 2.5 }, { adults: 'Enter a whole number.' }],
    ['negative guests', { ...valid, children: -3 }, { children: 'Cannot be negative.' }],
    ['absurd guests', { ...valid, adults: 1e9 }, { adults: 'That is far more than one event can seat.' }],
    ['more guests than one event serves', { ...valid, adults: 500 }, { adults: expect.stringMatching(/up to 60 guests/) }],
    ['no adults', { ...valid, adults: 0, children: 10 }, { adults: 'At least one adult is needed.' }],
    ['unknown fields', { ...valid, discount: 100 }, { discount: 'Unknown field “discount”.' }],
    ['unknown upgrade', { ...valid, upgrades: { wagyu: 2 } }, { 'upgrades.wagyu': expect.stringMatching(/no upgrade called/) }],
    ['more upgrades than plates', { ...valid, upgrades: { lobster: 11 } }, { 'upgrades.lobster': expect.stringMatching(/per guest/) }],
    ['missing fields', { adults: 10 }, { eventDate: 'This field is required.', zip: 'This field is required.' }],
    ['a past date', { ...valid, eventDate: '2020-01-01' }, { eventDate: expect.stringMatching(/or later/) }],
    ['a date beyond the horizon', { ...valid, eventDate: '2099-01-01' }, { eventDate: expect.stringMatching(/or earlier/) }],
    ['an impossible date', { ...valid, eventDate: '2027-02-30' }, { eventDate: 'Not a real calendar date.' }],
    ['a malformed ZIP', { ...valid, zip: '9001' }, { zip: 'Enter a 5-digit ZIP code.' }],
  ])('%s: 422 with a message per field', async (_, body, fields) => {
    const res = await send('/quotes', json(body));
    expect(res.status).toBe(422);
    const problem = await problemOf(res);
    for (const [field, message] of Object.entries(fields)) expect(fieldOf(problem, field)).toEqual(message);
  });

  it('a body over 64 kB: 413', async () => {
    const res = await send('/quotes', json({ ...valid, padding: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
    await problemOf(res);
  });
});

describe('bad input to POST /bookings', () => {
  const key = () => ({ 'idempotency-key': crypto.randomUUID() });

  it('10 kB strings are refused field by field, not truncated', async () => {
    const q = await createQuote(server.url);
    const body = bookingBody(q, `${q.eventDate}T18:00`);
    const long = 'x'.repeat(10_240);
    const res = await send('/bookings', json({ ...body, customer: { ...body.customer, name: long }, notes: long }, key()));
    expect(res.status).toBe(422);
    const problem = await problemOf(res);
    expect(fieldOf(problem, 'customer.name')).toBe('Name must be at most 100 characters.');
    expect(fieldOf(problem, 'notes')).toBe('Notes must be at most 1000 characters.');
  });

  it('an invalid email and phone, an empty city', async () => {
    const q = await createQuote(server.url);
    const body = bookingBody(q, `${q.eventDate}T18:00`);
    const res = await send(
      '/bookings',
      json({ ...body, customer: { name: 'A', email: 'not-an-email', phone: 'call me' }, address: { ...body.address, city: '  ' } }, key()),
    );
    const problem = await problemOf(res);
    expect(fieldOf(problem, 'customer.email')).toMatch(/email address/);
    expect(fieldOf(problem, 'customer.phone')).toMatch(/phone number/);
    expect(fieldOf(problem, 'address.city')).toBe('City is required.');
  });

  it('a seating that does not exist, a quote that does not exist', async () => {
    const q = await createQuote(server.url);
    const res = await send('/bookings', json({ ...bookingBody(q, `${q.eventDate}T09:15`), quoteId: 'qt_nope00000000000000000' }, key()));
    expect(res.status).toBe(422);
    const problem = await problemOf(res);
    expect(fieldOf(problem, 'slotId')).toMatch(/no seating at that time/);
    expect(fieldOf(problem, 'quoteId')).toMatch(/couldn’t find that quote/);
    expect(codeOf(problem, 'slotId')).toEqual({ code: 'unknown' });
    expect(codeOf(problem, 'quoteId')).toEqual({ code: 'unknown' });
  });

  it('a seating inside the 48-hour lead time', async () => {
    const q = await createQuote(server.url);
    const today = new Date().toISOString().slice(0, 10);
    const problem = await problemOf(await send('/bookings', json(bookingBody(q, `${today}T20:30`), key())));
    expect(fieldOf(problem, 'slotId')).toMatch(/can no longer be booked/);
    expect(codeOf(problem, 'slotId')).toEqual({ code: 'past', params: { hours: 48 } });
  });

  it('a seating beyond the 180-day horizon', async () => {
    const q = await createQuote(server.url);
    const problem = await problemOf(await send('/bookings', json(bookingBody(q, '2099-01-02T18:00'), key())));
    expect(fieldOf(problem, 'slotId')).toMatch(/up to 180 days ahead/);
    expect(codeOf(problem, 'slotId')).toEqual({ code: 'too-far', params: { days: 180 } });
  });

  it('a seating on another day than the quote’s', async () => {
    const q = await createQuote(server.url);
    const seatingDate = addDays(q.eventDate, 1);
    const problem = await problemOf(await send('/bookings', json(bookingBody(q, `${seatingDate}T18:00`), key())));
    expect(fieldOf(problem, 'slotId')).toMatch(/Your quote is for/);
    expect(codeOf(problem, 'slotId')).toEqual({ code: 'other-day', params: { date: q.eventDate, seatingDate } });
  });

  it('a quote past its validity', async () => {
    const q = await createQuote(server.url);
    await fetch(`${server.url}/__chaos/clock`, json({ advanceMs: (QUOTE_VALID_DAYS + 1) * 86_400_000 }));
    try {
      const problem = await problemOf(await send('/bookings', json(bookingBody(q, `${q.eventDate}T18:00`), key())));
      expect(fieldOf(problem, 'quoteId')).toMatch(/expired/);
      expect(codeOf(problem, 'quoteId')).toEqual({ code: 'expired' });
    } finally {
      await fetch(`${server.url}/__chaos`, { method: 'DELETE' });
    }
  });

  it('an address in another ZIP than the quote priced', async () => {
    const q = await createQuote(server.url);
    const body = bookingBody(q, `${q.eventDate}T18:00`);
    const problem = await problemOf(await send('/bookings', json({ ...body, address: { ...body.address, zip: '91320' } }, key())));
    expect(fieldOf(problem, 'address.zip')).toMatch(/priced for ZIP 90012/);
    expect(codeOf(problem, 'address.zip')).toEqual({ code: 'mismatch', params: { zip: '90012' } });
  });
});

describe('bad input to GET /availability', () => {
  const get = (qs: string) => fetch(`${server.url}/api/v1/availability?key=${PK}&${qs}`);
  it.each([
    ['missing dates', 'guests=4', 'from'],
    ['reversed range', 'from=2027-03-10&to=2027-03-01', 'to'],
    ['a range in the past', 'from=2020-03-01&to=2020-03-31', 'to'],
    ['a year at once', 'from=2027-01-01&to=2027-12-31', 'to'],
    ['guests that are not a number', 'from=2027-03-01&to=2027-03-02&guests=lots', 'guests'],
    ['too many guests', 'from=2027-03-01&to=2027-03-02&guests=400', 'guests'],
  ])('%s: 422 on %s', async (_, qs, field) => {
    const res = await get(qs);
    expect(res.status).toBe(422);
    expect(fieldOf(await problemOf(res), field)).toBeTruthy();
  });
});
