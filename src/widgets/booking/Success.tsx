import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useRef } from 'react';
import type { Booking, Catalog, Payment } from '../../contract';
import { formatMoney, formatTime, longDate, type TeppanError } from '../../core';
import { queryKeys, useBooking, useTeppan } from '../../query';
import { Button, Countdown, ErrorNotice, Skeleton } from '../../ui';
import { useWidgetSlots } from '../slots';

export interface BookingOutcomeProps {
  bookingId: string;
  catalog: Catalog;
  /** Just created on this page: the heading takes focus, so the result is announced. */
  focus: boolean;
  /** A sentence on how the visitor got here, shown above the booking (e.g. the quote already had this booking). */
  notice?: string | null;
  /** Show the PaymentForm in place (the default); without it, only what is due and by when. */
  payDeposit: boolean;
  /** The hold expired: back to fresh seatings with every detail kept. */
  onBookAgain: () => void;
  /** After paying: a clean form for another event. */
  onBookAnother: () => void;
  onPaymentSucceeded: (payment: Payment, booking: Booking) => void;
  onError: (error: TeppanError) => void;
}

/**
 * What became of the booking: held (with the time left, announced at 5 and 1
 * minute) and its deposit payable right here; paid (the receipt); or expired
 * (book the same details again).
 */
export function BookingOutcome({
  bookingId,
  catalog,
  focus,
  notice,
  payDeposit,
  onBookAgain,
  onBookAnother,
  onPaymentSucceeded,
  onError,
}: BookingOutcomeProps) {
  const { locale, scope } = useTeppan();
  const client = useQueryClient();
  const booking = useBooking(bookingId);
  const { Payment } = useWidgetSlots();
  const heading = useRef<HTMLHeadingElement>(null);
  // Once there is a heading: a booking adopted from a refusal is still being fetched when this mounts.
  const loaded = booking.data !== undefined;
  useLayoutEffect(() => {
    if (focus && loaded) heading.current?.focus();
  }, [focus, loaded]);

  if (booking.error?.kind === 'not_found') {
    // The server no longer knows it (a reset demo server, say): never a dead end, book the same details again.
    return (
      <div className="teppan-booking__success">
        <p role="alert">We couldn’t find this booking any more. Book again to choose a seating: your details are kept.</p>
        <Button onClick={onBookAgain}>Book again</Button>
      </div>
    );
  }
  if (booking.error) return <ErrorNotice error={booking.error} onRetry={() => void booking.refetch()} />;
  if (!booking.data) return <Skeleton height="24em" label="Loading your booking" />;
  const b = booking.data;
  const money = (cents: number) => formatMoney(cents, b.currency, locale);
  const payment =
    Payment && payDeposit ? <Payment bookingId={b.id} inline onBookAgain={onBookAgain} onPaymentSucceeded={onPaymentSucceeded} onError={onError} /> : null;

  const held = b.status === 'pending_deposit';
  const fallback =
    b.status === 'confirmed' ? (
      <h3 className="teppan-heading" ref={heading} tabIndex={-1}>
        Booking confirmed
      </h3>
    ) : (
      <>
        <p role="alert">This booking’s hold has ended and its seating was released. Book again to choose a seating: your details are kept.</p>
        <Button onClick={onBookAgain}>Book again</Button>
      </>
    );
  // One shape for every status, so the payment form stays mounted (and keeps its state) as the booking changes.
  return (
    <div className="teppan-booking__success">
      {notice ? <p className="teppan-booking__notice">{notice}</p> : null}
      {held ? (
        <>
          <h3 className="teppan-heading" ref={heading} tabIndex={-1}>
            Booking received
          </h3>
          <p>
            We’re holding <strong>{longDate(b.slotId.slice(0, 10), locale)}</strong> at <strong>{formatTime(b.start, catalog.timeZone, locale)}</strong> for{' '}
            {b.guests} guests.
          </p>
          <p className="teppan-hold">
            <Countdown
              until={b.holdExpiresAt}
              // The server decides: ask it once the time is up.
              onEnd={() => void client.invalidateQueries({ queryKey: queryKeys.booking(scope, b.id) })}
              announce={(m) => `${m} minute${m === 1 ? '' : 's'} left to pay the deposit.`}
            >
              {(left) => (
                <>
                  Pay the <strong>{money(b.amountDueCents)}</strong> deposit within <strong>{left}</strong> to confirm it. Total for the event:{' '}
                  {money(b.totalCents)}.
                </>
              )}
            </Countdown>
          </p>
          <p className="teppan-booking__reference">
            Booking reference: <span>{b.id}</span>
          </p>
        </>
      ) : null}
      {payment ?? (held ? null : fallback)}
      {b.status === 'confirmed' ? (
        <Button variant="secondary" onClick={onBookAnother}>
          Book another event
        </Button>
      ) : null}
    </div>
  );
}
