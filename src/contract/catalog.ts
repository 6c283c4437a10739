import { cents, currencyCode, zipCode } from './common';
import { lazySchema } from './lazy';
import { z } from './zod';

/** How many of an item a quote may hold: a fixed number, or at most one per guest. */
export const countLimit = lazySchema(() => z.union([z.int().check(z.gte(0)), z.literal('guests')]));

/** A menu item's words in another language than the tenant's own. */
export const menuItemWords = lazySchema(() => z.object({ name: z.string(), unitLabel: z.string() }));
export type MenuItemWords = z.infer<typeof menuItemWords>;

export const menuItem = lazySchema(() =>
  z.object({
    id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    name: z.string(),
    description: z.string(),
    priceCents: cents,
    /** What one counted unit is, for the visitor: "per plate", "per plate of six", "each". */
    unitLabel: z.string(),
    max: countLimit,
    /** Its name and unit in other languages, by language (`es`); a language without them says `name` and `unitLabel`. */
    translations: z.optional(z.record(z.string(), menuItemWords)),
  }),
);
export type MenuItem = z.infer<typeof menuItem>;

/**
 * A tenant's change and cancellation policy. A confirmed booking may move to
 * another seating until `rescheduleUntilDays` days before its start; it may be
 * cancelled until it starts, and its deposit is refunded in full when that is
 * at least `refundUntilDays` days before the start (closer, it is kept).
 */
export const bookingPolicy = lazySchema(() =>
  z.object({
    rescheduleUntilDays: z.int().check(z.gte(0)),
    refundUntilDays: z.int().check(z.gte(0)),
  }),
);
export type BookingPolicy = z.infer<typeof bookingPolicy>;

export const catalog = lazySchema(() =>
  z.object({
    name: z.string(),
    currency: currencyCode,
    /** IANA zone the tenant's seatings and dates are in. */
    timeZone: z.string(),
    prices: z.object({
      adultCents: cents,
      childCents: cents,
      /** Children are guests under this age. */
      childUnderAge: z.int(),
    }),
    guests: z.object({
      minAdults: z.int().check(z.gte(0)),
      maxGuests: z.int().check(z.gte(1)),
    }),
    upgrades: z.array(menuItem),
    addOns: z.array(menuItem),
    /** A food total (guests, upgrades, add-ons) below this is raised to it. */
    minimumFoodCents: cents,
    travel: z.object({
      originZip: zipCode,
      freeMiles: z.number(),
      centsPerMile: cents,
      maxMiles: z.number(),
    }),
    depositCents: cents,
    /** Who takes the deposit; Stripe's publishable key when it is Stripe. */
    payments: z.union([z.object({ provider: z.literal('test') }), z.object({ provider: z.literal('stripe'), publishableKey: z.string() })]),
    booking: z.object({
      leadTimeHours: z.int(),
      horizonDays: z.int(),
      holdMinutes: z.int(),
      /** How long an event lasts, for calendar files. */
      eventMinutes: z.int().check(z.gte(1)),
      /** Local start times of the daily seatings, `HH:MM`. */
      seatings: z.array(z.string()),
      teamsPerSeating: z.int(),
      /** What a customer may change by the manage link, and until when (absent: see `server/domain/policy.ts`). */
      policy: z.optional(bookingPolicy),
    }),
  }),
);
export type Catalog = z.infer<typeof catalog>;
