import { type Availability, type Catalog, type FieldError, makeFieldError } from '../../src/contract';
import { addDays, daysBetween, isSeatingBookable, todayIn, toZonedIso, zonedInstant } from '../../src/core/schedule';
import type { Store } from '../store/types';

/** The longest range one availability call may ask for: a month view plus its edges. */
export const MAX_RANGE_DAYS = 62;

export function rangeErrors(catalog: Catalog, q: { from: string; to: string; guests: number }, now: number): FieldError[] {
  const errors: FieldError[] = [];
  const span = daysBetween(q.from, q.to);
  // A month view may start before today (its first days are simply empty); a range wholly past is a mistake.
  if (q.to < todayIn(catalog.timeZone, now)) errors.push(makeFieldError('to', 'This range is in the past; ask for dates from today on.'));
  else if (span < 0) errors.push(makeFieldError('to', '“to” must be on or after “from”.'));
  else if (span >= MAX_RANGE_DAYS) errors.push(makeFieldError('to', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`));
  if (q.guests > catalog.guests.maxGuests) {
    errors.push(makeFieldError('guests', `We can serve up to ${catalog.guests.maxGuests} guests at one event.`));
  }
  return errors;
}

/** Every day of the range with its bookable seatings; full ones stay listed with `remaining: 0`. */
export async function availabilityFor(
  catalog: Catalog,
  store: Store,
  tenantId: string,
  q: { from: string; to: string; guests: number },
  now: number,
): Promise<Availability> {
  const held = await store.heldCounts(tenantId, q.from, q.to, now);
  const capacity = catalog.booking.teamsPerSeating;
  const days: Availability['days'] = [];
  for (let date = q.from; date <= q.to; date = addDays(date, 1)) {
    const slots = catalog.booking.seatings
      .filter((time) => isSeatingBookable(catalog, date, time, now))
      .map((time) => {
        const id = `${date}T${time}`;
        return {
          id,
          start: toZonedIso(zonedInstant(date, time, catalog.timeZone), catalog.timeZone),
          remaining: Math.max(0, capacity - (held.get(id) ?? 0)),
          capacity,
        };
      });
    days.push({ date, slots });
  }
  return { from: q.from, to: q.to, guests: q.guests, timeZone: catalog.timeZone, days };
}
