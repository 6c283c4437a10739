import { useLayoutEffect, useRef } from 'react';
import type { Booking, Catalog } from '../../contract';
import { formatMoney, formatTime, longDate } from '../../core';
import { useTeppan } from '../../query';

/** The server's acknowledgement: what is held, until when, and what is due. Takes focus so it is announced. */
export function BookingSuccess({ booking, catalog }: { booking: Booking; catalog: Catalog }) {
  const { locale } = useTeppan();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  const money = (cents: number) => formatMoney(cents, booking.currency, locale);
  const holdUntil = formatTime(booking.holdExpiresAt, catalog.timeZone, locale);
  return (
    <div className="teppan-booking__success">
      <h3 className="teppan-heading" ref={heading} tabIndex={-1}>
        Booking received
      </h3>
      <p>
        We’re holding <strong>{longDate(booking.slotId.slice(0, 10), locale)}</strong> at <strong>{formatTime(booking.start, catalog.timeZone, locale)}</strong>{' '}
        for {booking.guests} guests until {holdUntil}.
      </p>
      <p>
        Pay the <strong>{money(booking.amountDueCents)}</strong> deposit by then to confirm it. Total for the event: {money(booking.totalCents)}.
      </p>
      <p className="teppan-booking__reference">
        Booking reference: <span>{booking.id}</span>
      </p>
    </div>
  );
}
