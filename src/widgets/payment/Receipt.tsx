import { useLayoutEffect, useRef } from 'react';
import type { Booking, Catalog, Payment } from '../../contract';
import { brandLabel, formatMoney, formatTime, longDate } from '../../core';

export interface ReceiptProps {
  booking: Booking;
  payment: Payment;
  catalog: Catalog;
  locale: string | undefined;
  calendarUrl: string;
  /** Take focus when shown (after paying), so the result is announced. */
  focus: boolean;
}

/** What was paid, with what, for which event, and what is left; the event for the visitor's calendar. */
export function Receipt({ booking, payment, catalog, locale, calendarUrl, focus }: ReceiptProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const money = (cents: number) => formatMoney(cents, booking.currency, locale);
  const seating = `${longDate(booking.slotId.slice(0, 10), locale)} at ${formatTime(booking.start, catalog.timeZone, locale)}`;
  return (
    <div className="teppan-receipt" part="receipt">
      <h3 className="teppan-heading" ref={heading} tabIndex={-1}>
        Deposit paid
      </h3>
      <p>Your event is confirmed. Keep your booking reference for any questions.</p>
      <dl className="teppan-receipt__facts">
        <div>
          <dt>Paid</dt>
          <dd>{money(payment.amountCents)}</dd>
        </div>
        {payment.card ? (
          <div>
            <dt>Card</dt>
            <dd>
              {brandLabel(payment.card.brand)} ending in {payment.card.last4}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Booking reference</dt>
          <dd className="teppan-receipt__reference">{booking.id}</dd>
        </div>
        <div>
          <dt>Seating</dt>
          <dd>
            {seating}, {booking.guests} guests
          </dd>
        </div>
        <div>
          <dt>Event total</dt>
          <dd>{money(booking.totalCents)}</dd>
        </div>
        <div>
          <dt>Left to pay</dt>
          <dd>{money(booking.totalCents - payment.amountCents)}</dd>
        </div>
      </dl>
      <a className="teppan-button teppan-button--secondary" href={calendarUrl} download part="button button-secondary">
        Add to calendar
      </a>
    </div>
  );
}
