import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useRef } from 'react';
import type { Booking, Catalog, Payment } from '../../contract';
import { formatMoney, formatTime, longDate, type TeppanError } from '../../core';
import { queryKeys, useBooking, useTeppan } from '../../query';
import { Button, Countdown, ErrorNotice, Skeleton } from '../../ui';
import { rich } from '../rich';
import { useWidgetSlots } from '../slots';
import { failureWords } from '../words';
import type { BookingWords } from './messages/en';

export interface BookingOutcomeProps {
  words: BookingWords;
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
  words,
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
  const { scope } = useTeppan();
  const { t, word } = words;
  const locale = words.locale.tag;
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
        <p role="alert">{t('notFound')}</p>
        <Button onClick={onBookAgain}>{t('bookAgain')}</Button>
      </div>
    );
  }
  if (booking.error) {
    return (
      <ErrorNotice
        error={{ userMessage: failureWords(words, booking.error), retryable: booking.error.retryable }}
        onRetry={() => void booking.refetch()}
        retryLabel={t('tryAgain')}
      />
    );
  }
  if (!booking.data) return <Skeleton height="24em" label={t('loadingBooking')} />;
  const b = booking.data;
  const money = (cents: number) => formatMoney(cents, b.currency, locale);
  const payment =
    Payment && payDeposit ? (
      <Payment bookingId={b.id} inline locale={words.locale.tag} onBookAgain={onBookAgain} onPaymentSucceeded={onPaymentSucceeded} onError={onError} />
    ) : null;

  const held = b.status === 'pending_deposit';
  const fallback =
    b.status === 'confirmed' ? (
      <h3 className="teppan-heading" ref={heading} tabIndex={-1}>
        {t('confirmed')}
      </h3>
    ) : (
      <>
        <p role="alert">{t('released')}</p>
        <Button onClick={onBookAgain}>{t('bookAgain')}</Button>
      </>
    );
  // One shape for every status, so the payment form stays mounted (and keeps its state) as the booking changes.
  return (
    <div className="teppan-booking__success">
      {notice ? <p className="teppan-booking__notice">{notice}</p> : null}
      {held ? (
        <>
          <h3 className="teppan-heading" ref={heading} tabIndex={-1}>
            {t('received')}
          </h3>
          <p>
            {rich(word, 'holding', {
              date: <strong>{longDate(b.slotId.slice(0, 10), locale)}</strong>,
              time: <strong>{formatTime(b.start, catalog.timeZone, locale)}</strong>,
              guests: t('guests', { count: b.guests }),
            })}
          </p>
          <p className="teppan-hold">
            <Countdown
              until={b.holdExpiresAt}
              // The server decides: ask it once the time is up.
              onEnd={() => void client.invalidateQueries({ queryKey: queryKeys.booking(scope, b.id) })}
              announce={(count) => t('hold.minutesLeft', { count })}
            >
              {(left) =>
                rich(word, 'payWithin', { deposit: <strong>{money(b.amountDueCents)}</strong>, left: <strong>{left}</strong>, total: money(b.totalCents) })
              }
            </Countdown>
          </p>
          <p className="teppan-booking__reference">{rich(word, 'reference', { id: <span>{b.id}</span> })}</p>
        </>
      ) : null}
      {payment ?? (held ? null : fallback)}
      {b.status === 'confirmed' ? (
        <Button variant="secondary" onClick={onBookAnother}>
          {t('bookAnother')}
        </Button>
      ) : null}
    </div>
  );
}
