import { cents, currencyCode, isoDateTime, resourceId, zipCode } from './common';
import { payment } from './payment';
import { z } from './zod';

const text = (label: string, max: number) =>
  z.string(`${label} must be text.`).check(z.trim(), z.minLength(1, `${label} is required.`), z.maxLength(max, `${label} must be at most ${max} characters.`));

export const customer = z.strictObject({
  name: text('Name', 100),
  email: z
    .string('Email must be text.')
    .check(
      z.trim(),
      z.maxLength(254, 'Email must be at most 254 characters.'),
      z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/, 'Enter an email address like name@example.com.'),
    ),
  phone: z
    .string('Phone must be text.')
    .check(z.trim(), z.maxLength(32, 'Phone must be at most 32 characters.'), z.regex(/^\+?[\d\s().-]{7,}$/, 'Enter a phone number like (213) 555-0142.')),
});
export type Customer = z.infer<typeof customer>;

export const address = z.strictObject({
  line1: text('Street address', 200),
  city: text('City', 100),
  zip: zipCode,
});
export type Address = z.infer<typeof address>;

export const bookingRequest = z.strictObject({
  slotId: z.string('Choose a seating.').check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Choose a seating.')),
  quoteId: resourceId,
  customer,
  address,
  notes: z._default(z.string('Notes must be text.').check(z.trim(), z.maxLength(1000, 'Notes must be at most 1000 characters.')), ''),
});
export type BookingRequest = z.input<typeof bookingRequest>;
export type BookingInput = z.output<typeof bookingRequest>;

export const bookingStatus = z.enum(['pending_deposit', 'confirmed', 'expired', 'cancelled']);
export type BookingStatus = z.infer<typeof bookingStatus>;

/** What a publishable key may read of a booking: status and amounts, no contact details. */
export const booking = z.object({
  id: resourceId,
  status: bookingStatus,
  slotId: z.string(),
  start: isoDateTime,
  quoteId: resourceId,
  guests: z.int(),
  totalCents: cents,
  depositCents: cents,
  /** Deposit still owed; 0 once paid. */
  amountDueCents: cents,
  currency: currencyCode,
  /** The seating is held until then unless the deposit is paid. */
  holdExpiresAt: isoDateTime,
  createdAt: isoDateTime,
  /** The payment that paid the deposit, once it has. */
  paymentId: z.optional(resourceId),
  paidAt: z.optional(isoDateTime),
});
export type Booking = z.infer<typeof booking>;

/** The full record, for secret-key (admin) calls. */
export const adminBooking = z.extend(booking, {
  customer,
  address,
  notes: z.string(),
  /** Every payment attempt, oldest first (no client secrets). */
  payments: z.array(z.omit(payment, { clientSecret: true })),
});
export type AdminBooking = z.infer<typeof adminBooking>;

export const adminBookingList = z.object({ bookings: z.array(adminBooking) });
export type AdminBookingList = z.infer<typeof adminBookingList>;
