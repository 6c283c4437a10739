import { cents, currencyCode, isoDateTime, nextCursor, resourceId, visitorLocale, zipCode } from './common';
import { lazySchema } from './lazy';
import { payment } from './payment';
import { emailAddress, optionalMultiLineText, phoneNumber, singleLineText } from './text';
import { z } from './zod';

export const customer = lazySchema(() =>
  z.strictObject({
    name: singleLineText('Name', 100),
    email: emailAddress(),
    phone: phoneNumber(),
  }),
);
export type Customer = z.infer<typeof customer>;

export const address = lazySchema(() =>
  z.strictObject({
    line1: singleLineText('Street address', 200),
    city: singleLineText('City', 100),
    zip: zipCode,
  }),
);
export type Address = z.infer<typeof address>;

/** The address must be in the ZIP the quote's travel was priced for: the widget and the server say it alike. */
export const zipMismatchMessage = (quoteZip: string) => `Your quote’s travel was priced for ZIP ${quoteZip}. Use that ZIP, or get a new quote for this one.`;

/** Anything the chef should know: several lines allowed. */
export const bookingNotes = lazySchema(() => optionalMultiLineText('Notes', 1000));

export const bookingRequest = lazySchema(() =>
  z.strictObject({
    slotId: z.string('Choose a seating.').check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Choose a seating.')),
    quoteId: resourceId,
    customer,
    address,
    notes: z._default(bookingNotes, ''),
    locale: z.optional(visitorLocale()),
  }),
);
export type BookingRequest = z.input<typeof bookingRequest>;
export type BookingInput = z.output<typeof bookingRequest>;

export const bookingStatus = lazySchema(() => z.enum(['pending_deposit', 'confirmed', 'expired', 'cancelled']));
export type BookingStatus = z.infer<typeof bookingStatus>;

/** What a publishable key may read of a booking: status and amounts, no contact details. */
export const booking = lazySchema(() =>
  z.object({
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
    /** Once the deposit is paid: the rest of the total, due on the day (re-quoted when the booking moves to a date priced otherwise). */
    balanceDueCents: z.optional(cents),
    currency: currencyCode,
    /** The seating is held until then unless the deposit is paid. */
    holdExpiresAt: isoDateTime,
    createdAt: isoDateTime,
    /** The payment that paid the deposit, once it has. */
    paymentId: z.optional(resourceId),
    paidAt: z.optional(isoDateTime),
    /** When the customer cancelled it (status `cancelled`). */
    cancelledAt: z.optional(isoDateTime),
  }),
);
export type Booking = z.infer<typeof booking>;

/** The full record, for secret-key (admin) calls. */
export const adminBooking = lazySchema(() =>
  z.extend(booking, {
    customer,
    address,
    notes: z.string(),
    /** The language the customer booked in (`en` or `es`): their emails are in it. */
    locale: z.optional(z.string()),
    /** Every payment attempt, oldest first (no client secrets). */
    payments: z.array(z.omit(payment, { clientSecret: true })),
  }),
);
export type AdminBooking = z.infer<typeof adminBooking>;

export const adminBookingList = lazySchema(() => z.object({ bookings: z.array(adminBooking), nextCursor: nextCursor() }));
export type AdminBookingList = z.infer<typeof adminBookingList>;
