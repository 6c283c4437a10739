import { type Catalog, type FieldError, type MenuItem, makeFieldError, type QuoteInput, type QuoteLine } from '../contract';

/**
 * The tenant's pricing rules, in integer cents. The server's quote and the
 * widget's live estimate both run this, so they agree by construction; only
 * travel needs the server (it knows ZIP distances), so an estimate leaves it out.
 */

export type PriceInput = Pick<QuoteInput, 'adults' | 'children' | 'upgrades' | 'addOns'>;

export interface Price {
  lines: QuoteLine[];
  /** Guests, upgrades and add-ons, before the minimum. */
  foodCents: number;
  totalCents: number;
  depositCents: number;
}

const field = makeFieldError;

function limitOf(item: MenuItem, guests: number): number {
  return item.max === 'guests' ? guests : item.max;
}

function countErrors(group: 'upgrades' | 'addOns', items: MenuItem[], counts: Record<string, number>, guests: number): FieldError[] {
  const errors: FieldError[] = [];
  for (const [id, count] of Object.entries(counts)) {
    const item = items.find((i) => i.id === id);
    if (!item) {
      errors.push(
        field(
          `${group}.${id}`,
          `There is no ${group === 'upgrades' ? 'upgrade' : 'add-on'} called “${id}”.`,
          group === 'upgrades' ? 'unknown-upgrade' : 'unknown-add-on',
          { item: id },
        ),
      );
      continue;
    }
    const max = limitOf(item, guests);
    if (count > max) {
      const params = { item: item.name, max };
      errors.push(
        item.max === 'guests'
          ? field(`${group}.${id}`, `At most one ${item.name} per guest (${max}).`, 'item-per-guest', params)
          : field(`${group}.${id}`, `At most ${max} of ${item.name}.`, 'item-max', params),
      );
    }
  }
  return errors;
}

/** Field errors for counts that break the tenant's rules (shape is checked by the contract schema). */
export function validateGuestsAndItems(catalog: Catalog, input: PriceInput): FieldError[] {
  const errors: FieldError[] = [];
  const guests = input.adults + input.children;
  const { minAdults, maxGuests } = catalog.guests;
  if (input.adults < minAdults) {
    errors.push(
      field('adults', minAdults === 1 ? 'At least one adult is needed.' : `At least ${minAdults} adults are needed.`, 'min-adults', { count: minAdults }),
    );
  }
  if (guests > maxGuests) {
    const target = input.children > 0 && input.adults <= maxGuests ? 'children' : 'adults';
    errors.push(field(target, `We can serve up to ${maxGuests} guests at one event; you entered ${guests}.`, 'max-guests', { max: maxGuests, guests }));
  }
  errors.push(...countErrors('upgrades', catalog.upgrades, input.upgrades, guests));
  errors.push(...countErrors('addOns', catalog.addOns, input.addOns, guests));
  return errors;
}

/** Travel charge for a distance: free up to `freeMiles`, then per mile, whole miles rounded up. */
export function travelCents(catalog: Catalog, distanceMiles: number): number {
  const chargeable = Math.max(0, Math.ceil(distanceMiles - catalog.travel.freeMiles));
  return chargeable * catalog.travel.centsPerMile;
}

/**
 * Prices valid input (see `validateGuestsAndItems`). Without a distance, the
 * travel line is left out: that is the live estimate.
 */
export function priceQuote(catalog: Catalog, input: PriceInput, distanceMiles?: number): Price {
  const lines: QuoteLine[] = [];
  if (input.adults > 0) {
    lines.push({ kind: 'adults', label: `Adults × ${input.adults}`, quantity: input.adults, amountCents: input.adults * catalog.prices.adultCents });
  }
  if (input.children > 0) {
    lines.push({
      kind: 'children',
      label: `Children under ${catalog.prices.childUnderAge} × ${input.children}`,
      quantity: input.children,
      amountCents: input.children * catalog.prices.childCents,
    });
  }
  const items = (kind: 'upgrade' | 'addOn', menu: MenuItem[], counts: Record<string, number>) => {
    // Catalog order, not the order the visitor clicked, so every quote reads the same.
    for (const item of menu) {
      const count = counts[item.id] ?? 0;
      if (count > 0) {
        lines.push({ kind, itemId: item.id, label: `${item.name} × ${count}`, quantity: count, amountCents: count * item.priceCents });
      }
    }
  };
  items('upgrade', catalog.upgrades, input.upgrades);
  items('addOn', catalog.addOns, input.addOns);

  const foodCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  if (foodCents < catalog.minimumFoodCents) {
    lines.push({ kind: 'minimum', label: 'Event minimum', amountCents: catalog.minimumFoodCents - foodCents });
  }
  if (distanceMiles !== undefined) {
    const travel = travelCents(catalog, distanceMiles);
    if (travel > 0) {
      const miles = Math.ceil(distanceMiles);
      lines.push({ kind: 'travel', label: `Travel: ${miles} miles, first ${catalog.travel.freeMiles} free`, quantity: miles, amountCents: travel });
    }
  }
  const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  return { lines, foodCents, totalCents, depositCents: Math.min(catalog.depositCents, totalCents) };
}
