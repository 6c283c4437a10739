import { address, booking } from './booking';
import { bookingPolicy } from './catalog';
import { cents, isoDateTime } from './common';
import { lazySchema } from './lazy';
import { optionalMultiLineText } from './text';
import { z } from './zod';

/** The tenant's policy as it applies to one booking: the windows' last instants, in the tenant's zone. */
export const managePolicy = lazySchema(() =>
  z.object({
    // Spread, not `z.extend`: the pages that read it then carry no extend machinery.
    ...bookingPolicy.shape,
    /** The booking may move to another seating until then. */
    rescheduleUntil: isoDateTime,
    /** A cancellation until then refunds the deposit; later, it is kept. */
    refundUntil: isoDateTime,
  }),
);
export type ManagePolicy = z.infer<typeof managePolicy>;

/**
 * What the manage link shows: the booking, where the event is (the link is the customer's own, as the email that
 * carries it), what the customer may do now, and what cancelling would refund.
 */
export const manageView = lazySchema(() =>
  z.object({
    booking,
    address,
    canReschedule: z.boolean(),
    canCancel: z.boolean(),
    refundCentsIfCancelled: cents,
    policy: managePolicy,
  }),
);
export type ManageView = z.infer<typeof manageView>;

export const rescheduleRequest = lazySchema(() =>
  z.strictObject({
    slotId: z.string('Choose a seating.').check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Choose a seating.')),
  }),
);
export type RescheduleRequest = z.input<typeof rescheduleRequest>;

export const rescheduleResponse = lazySchema(() => z.object({ booking }));
export type RescheduleResponse = z.infer<typeof rescheduleResponse>;

export const cancelRequest = lazySchema(() => z.strictObject({ reason: z.optional(optionalMultiLineText('Reason', 500)) }));
export type CancelRequest = z.input<typeof cancelRequest>;

/** `refundCents`: what this cancellation gives back (0 outside the refund window). */
export const cancelResponse = lazySchema(() => z.object({ booking, refundCents: cents }));
export type CancelResponse = z.infer<typeof cancelResponse>;
