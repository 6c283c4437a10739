import { describe, expect, it } from 'vitest';
import { demoTenant } from '../../server/tenants';
import { priceQuote, travelCents, validateGuestsAndItems } from './pricing';

const catalog = demoTenant.catalog;
const input = (o: Partial<Parameters<typeof priceQuote>[1]>) => ({ adults: 10, children: 0, upgrades: {}, addOns: {}, ...o });

describe('pricing', () => {
  it('leaves travel out of the live estimate and adds it with a distance', () => {
    expect(priceQuote(catalog, input({})).lines.map((l) => l.kind)).toEqual(['adults']);
    expect(priceQuote(catalog, input({}), 45.2).lines.at(-1)).toEqual({
      kind: 'travel',
      label: 'Travel: 46 miles, first 30 free',
      quantity: 46,
      amountCents: 3200,
    });
  });

  it('charges travel per whole mile beyond the free radius, rounded up', () => {
    expect([0, 30, 30.01, 31, 99.5].map((m) => travelCents(catalog, m))).toEqual([0, 0, 200, 200, 14_000]);
  });

  it('lists items in catalog order whatever order they were chosen in', () => {
    const price = priceQuote(catalog, input({ addOns: { 'extra-protein': 1, noodles: 2 }, upgrades: { lobster: 1, filet: 1 } }));
    expect(price.lines.map((l) => l.itemId ?? l.kind)).toEqual(['adults', 'filet', 'lobster', 'noodles', 'extra-protein']);
  });

  it('reports every broken rule at once', () => {
    const errors = validateGuestsAndItems(catalog, input({ adults: 0, children: 70, upgrades: { filet: 71 }, addOns: { gyoza: 31 } }));
    expect(errors.map((e) => e.field)).toEqual(['adults', 'children', 'upgrades.filet', 'addOns.gyoza']);
  });
});
