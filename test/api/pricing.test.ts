import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemDetails, Quote, QuoteRequest } from '../../src/contract';
import { priceQuote } from '../../src/core/pricing';
import { bookableDate, catalog, json } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';

/**
 * The demo tenant's rules (DESIGN.md): $60 per adult, $30 per child, filet
 * +$10 and lobster +$15 per plate, noodles +$5 per plate, gyoza $12 per plate
 * of six, extra protein $15 each; food below $600 raised to $600 by its own
 * line; travel free within 30 miles of 90012, then $2 a mile rounded up;
 * beyond 100 miles outside the area; $100 deposit. Figures are written out.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const quote = (body: Partial<QuoteRequest>) => fetch(`${server.url}/api/v1/quotes`, json({ eventDate: bookableDate(), zip: '90012', ...body }));
const lines = (q: Quote) => Object.fromEntries(q.lines.map((l) => [l.kind === 'upgrade' || l.kind === 'addOn' ? l.itemId : l.kind, l.amountCents]));

describe('quotes', () => {
  it.each<[string, Partial<QuoteRequest>, Record<string, number>, number]>([
    ['exactly the minimum: no minimum line', { adults: 10 }, { adults: 60_000 }, 60_000],
    ['small party raised to the minimum', { adults: 4 }, { adults: 24_000, minimum: 36_000 }, 60_000],
    ['children at half price, still under the minimum', { adults: 6, children: 4 }, { adults: 36_000, children: 12_000, minimum: 12_000 }, 60_000],
    ['upgrades count toward the minimum', { adults: 8, upgrades: { filet: 8 } }, { adults: 48_000, filet: 8_000, minimum: 4_000 }, 60_000],
    [
      'every upgrade and add-on, over the minimum',
      { adults: 8, children: 4, upgrades: { filet: 3, lobster: 2 }, addOns: { noodles: 12, gyoza: 2, 'extra-protein': 1 } },
      { adults: 48_000, children: 12_000, filet: 3_000, lobster: 3_000, noodles: 6_000, gyoza: 2_400, 'extra-protein': 1_500 },
      75_900,
    ],
    ['zero counts are no lines', { adults: 12, upgrades: { filet: 0 }, addOns: { gyoza: 0 } }, { adults: 72_000 }, 72_000],
    ['inside 30 miles travel is free (Upland, ~29.6 mi)', { adults: 10, zip: '91709' }, { adults: 60_000 }, 60_000],
    ['Newbury Park, 40.7 mi: 11 miles charged', { adults: 10, zip: '91320' }, { adults: 60_000, travel: 2_200 }, 62_200],
    ['Santa Barbara, 87.5 mi: 58 miles charged', { adults: 10, zip: '93101' }, { adults: 60_000, travel: 11_600 }, 71_600],
    ['Palm Springs, 98.8 mi: still inside the area', { adults: 20, zip: '92262' }, { adults: 120_000, travel: 13_800 }, 133_800],
  ])('%s', async (_, body, expected, total) => {
    const res = await quote(body);
    expect(res.status).toBe(201);
    const q = (await res.json()) as Quote;
    expect(lines(q)).toEqual(expected);
    expect(q.totalCents).toBe(total);
    expect(q.depositCents).toBe(10_000);
    expect(q.currency).toBe('USD');
    expect(q.lines.every((l) => l.label.length > 0)).toBe(true);
  });

  it.each([
    ['Bakersfield, 101.7 mi', '93301', /outside our service area/],
    ['San Diego, 111.7 mi', '92101', /outside our service area/],
    ['a ZIP that does not exist', '00000', /don’t recognise/],
  ])('refuses %s with a message on the ZIP field', async (_, zip, message) => {
    const res = await quote({ adults: 10, zip });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as ProblemDetails;
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'zip', detail: expect.stringMatching(message) })]);
  });

  it('agrees with the client-side estimate on everything but travel', async () => {
    const body = { adults: 7, children: 3, upgrades: { lobster: 4 }, addOns: { gyoza: 3, noodles: 10 } };
    const q = (await (await quote({ ...body, zip: '93101' })).json()) as Quote;
    const estimate = priceQuote(catalog, body as never);
    const travel = q.lines.find((l) => l.kind === 'travel')?.amountCents ?? 0;
    expect(estimate.totalCents).toBe(q.totalCents - travel);
  });

  it('can be read back by id', async () => {
    const q = (await (await quote({ adults: 10 })).json()) as Quote;
    const again = await fetch(`${server.url}/api/v1/quotes/${q.id}?key=pk_test_demo`);
    expect(await again.json()).toEqual(q);
  });
});
