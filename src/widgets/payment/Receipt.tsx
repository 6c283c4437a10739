import { useLayoutEffect, useRef } from 'react';
import type { Booking, Catalog, Payment } from '../../contract';
import { brandLabel, formatMoney, formatTime, longDate } from '../../core';
import type { PaymentWords } from './messages/en';

export interface ReceiptProps {
  booking: Booking;
  payment: Payment;
  catalog: Catalog;
  words: PaymentWords;
  calendarUrl: string;
  /** Take focus when shown (after paying), so the result is announced. */
  focus: boolean;
}

/** What was paid, with what, for which event, and what is left; the event for the visitor's calendar. */
export function Receipt({ booking, payment, catalog, words, calendarUrl, focus }: ReceiptProps) {
  const { t } = words;
  const locale = words.locale.tag;
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const money = (cents: number) => formatMoney(cents, booking.currency, locale);
  const seating = t('when', { date: longDate(booking.slotId.slice(0, 10), locale), time: formatTime(booking.start, catalog.timeZone, locale) });
  return (
    <div className="teppan-receipt" part="receipt">
      <h3 className="teppan-heading" ref={heading} tabIndex={-1}>
        {t('paid')}
      </h3>
      <p>{t('confirmed')}</p>
      <dl className="teppan-receipt__facts">
        <div>
          <dt>{t('receipt.paid')}</dt>
          <dd>{money(payment.amountCents)}</dd>
        </div>
        {payment.card ? (
          <div>
            <dt>{t('receipt.card')}</dt>
            <dd>{t('receipt.cardEnding', { brand: brandLabel(payment.card.brand) ?? t('receipt.anyCard'), last4: payment.card.last4 })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('receipt.reference')}</dt>
          <dd className="teppan-receipt__reference">{booking.id}</dd>
        </div>
        <div>
          <dt>{t('receipt.seating')}</dt>
          <dd>{t('receipt.seatingGuests', { seating, guests: t('guests', { count: booking.guests }) })}</dd>
        </div>
        <div>
          <dt>{t('receipt.total')}</dt>
          <dd>{money(booking.totalCents)}</dd>
        </div>
        <div>
          <dt>{t('receipt.left')}</dt>
          <dd>{money(booking.totalCents - payment.amountCents)}</dd>
        </div>
      </dl>
      <a className="teppan-button teppan-button--secondary" href={calendarUrl} download part="button button-secondary">
        {t('addToCalendar')}
      </a>
    </div>
  );
}
