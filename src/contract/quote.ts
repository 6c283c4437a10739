import { cents, currencyCode, isoDate, isoDateTime, resourceId, zipCode } from './common';
import { lazySchema } from './lazy';
import { z } from './zod';

export const guestCount = lazySchema(() =>
  z.int('Enter a whole number.').check(z.gte(0, 'Cannot be negative.'), z.lte(10_000, 'That is far more than one event can seat.')),
);

/** How many of one upgrade or add-on. */
export const itemCount = lazySchema(() =>
  z.int('Enter a whole number.').check(z.gte(0, 'Cannot be negative.'), z.lte(10_000, 'That is more than one event can serve.')),
);

/** Counts per menu id, e.g. `{ "filet": 4 }`. */
const counts = lazySchema(() => z.record(z.string().check(z.maxLength(40)), itemCount));

export const quoteRequest = lazySchema(() =>
  z.strictObject({
    adults: guestCount,
    children: z._default(guestCount, 0),
    upgrades: z._default(counts, {}),
    addOns: z._default(counts, {}),
    eventDate: isoDate,
    zip: zipCode,
  }),
);
export type QuoteRequest = z.input<typeof quoteRequest>;
export type QuoteInput = z.output<typeof quoteRequest>;

export const quoteLineKind = lazySchema(() => z.enum(['adults', 'children', 'upgrade', 'addOn', 'minimum', 'travel']));
export type QuoteLineKind = z.infer<typeof quoteLineKind>;

export const quoteLine = lazySchema(() =>
  z.object({
    kind: quoteLineKind,
    /** The menu id for upgrade and add-on lines. */
    itemId: z.optional(z.string()),
    label: z.string(),
    quantity: z.optional(z.number()),
    amountCents: z.int(),
  }),
);
export type QuoteLine = z.infer<typeof quoteLine>;

export const quote = lazySchema(() =>
  z.object({
    id: resourceId,
    lines: z.array(quoteLine),
    totalCents: cents,
    depositCents: cents,
    currency: currencyCode,
    adults: z.int(),
    children: z.int(),
    upgrades: z.record(z.string(), z.int()),
    addOns: z.record(z.string(), z.int()),
    eventDate: isoDate,
    zip: zipCode,
    /** Driving-free straight-line distance from the tenant's base, whole miles rounded up. */
    distanceMiles: z.number(),
    createdAt: isoDateTime,
    expiresAt: isoDateTime,
  }),
);
export type Quote = z.infer<typeof quote>;
