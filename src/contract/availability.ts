import { isoDate, isoDateTime } from './common';
import { lazySchema } from './lazy';
import { z } from './zod';

export const availabilityQuery = lazySchema(() =>
  z.object({
    from: isoDate,
    to: isoDate,
    guests: z._default(z.coerce.number().check(z.int('Enter a whole number of guests.'), z.gte(1, 'At least one guest.'), z.lte(10_000)), 1),
  }),
);
/** Query parameters as a caller gives them (`guests` defaults to 1). */
export type AvailabilityQuery = Omit<z.output<typeof availabilityQuery>, 'guests'> & { guests?: number };

export const slot = lazySchema(() =>
  z.object({
    /** Stable id of one seating: `YYYY-MM-DDTHH:MM` in the tenant's zone. */
    id: z.string(),
    start: isoDateTime,
    /** Chef teams still free; 0 means the seating is full. */
    remaining: z.int().check(z.gte(0)),
    capacity: z.int(),
  }),
);
export type Slot = z.infer<typeof slot>;

export const availabilityDay = lazySchema(() =>
  z.object({
    date: isoDate,
    slots: z.array(slot),
  }),
);
export type AvailabilityDay = z.infer<typeof availabilityDay>;

export const availability = lazySchema(() =>
  z.object({
    from: isoDate,
    to: isoDate,
    guests: z.int(),
    timeZone: z.string(),
    days: z.array(availabilityDay),
  }),
);
export type Availability = z.infer<typeof availability>;
