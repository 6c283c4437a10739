import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Booking, Payment } from '../../contract';
import type { TeppanError } from '../../core';
import { useCatalog, useFunnel, useQuote, useTeppan } from '../../query';
import { ErrorNotice, Skeleton, uiCss, useStyles } from '../../ui';
import { useHostCallback } from '../useHostCallback';
import { WidgetFrame } from '../WidgetFrame';
import { BookingSteps } from './BookingSteps';
import css from './booking.css?inline';
import { draftStore } from './draft';
import { bookingSpec } from './spec';

export interface BookingFormProps {
  /** Heading above the form. */
  heading?: string;
  /**
   * The quote to book. Without it the form takes the funnel's: the quote a
   * QuoteCalculator on this page handed over, else the page URL's `quote`
   * parameter, else the one remembered from an earlier visit (the order of
   * precedence is documented in src/core/funnel.ts).
   */
  quoteId?: string;
  /** Where visitors without a quote can get one (a page with the QuoteCalculator). */
  quoteUrl?: string;
  /** Tells apart the drafts of several booking forms on one page; one form needs none. */
  draftId?: string;
  /**
   * Show the PaymentForm for the new booking's deposit in place, right after
   * "Confirm booking" (the default). Turn it off when the page has a
   * PaymentForm of its own (`pay-deposit="false"` on the element).
   */
  payDeposit?: boolean;
  /** The server acknowledged the booking (also the `teppan:booking-created` event). */
  onBookingCreated?: (booking: Booking) => void;
  /** The deposit was paid in place and the booking confirmed (also the `teppan:payment-succeeded` event, detail: the payment). */
  onPaymentSucceeded?: (payment: Payment, booking: Booking) => void;
  onReady?: () => void;
  onError?: (error: TeppanError) => void;
}

/** Seating, address, contact, review: one keyed POST, a draft that survives reloads, and a way back from a full seating. */
export default function BookingForm(props: BookingFormProps) {
  useStyles(uiCss, css);
  const { data: catalog } = useCatalog();
  const { scope } = useTeppan();
  const store = useMemo(() => draftStore(scope, props.draftId), [scope, props.draftId]);
  const [stored] = useState(() => store.load());
  const funnel = useFunnel();
  const quoteId = props.quoteId ?? funnel.quoteId;
  const quote = useQuote(quoteId ?? undefined);

  const onReady = useHostCallback('onReady', props.onReady);
  const onError = useHostCallback('onError', props.onError);
  const onBookingCreated = useHostCallback('onBookingCreated', props.onBookingCreated);
  const onPaymentSucceeded = useHostCallback('onPaymentSucceeded', props.onPaymentSucceeded);
  useEffect(() => onReady(), [onReady]);
  const { handOff } = funnel;
  const handleCreated = useCallback(
    (b: Booking) => {
      handOff({ bookingId: b.id });
      onBookingCreated(b);
    },
    [handOff, onBookingCreated],
  );

  let body: React.ReactNode;
  if (!quoteId) {
    body = (
      <div className="teppan-booking__empty">
        <p>Start with a quote: choose your guests and menu, and we’ll hold a seating for you here.</p>
        {props.quoteUrl ? (
          <a className="teppan-button" href={props.quoteUrl}>
            Get a quote
          </a>
        ) : null}
      </div>
    );
  } else if (quote.error) {
    body = <ErrorNotice error={quote.error} onRetry={() => void quote.refetch()} />;
  } else if (!quote.data) {
    body = <Skeleton height="24em" label="Loading your quote" />;
  } else {
    body = (
      <BookingSteps
        key={quote.data.id}
        catalog={catalog}
        quote={quote.data}
        stored={stored}
        store={store}
        handedOver={funnel.handedOffHere && funnel.quoteId === quote.data.id}
        payDeposit={props.payDeposit ?? true}
        onCreated={handleCreated}
        onPaymentSucceeded={onPaymentSucceeded}
        onError={onError}
      />
    );
  }

  return (
    <WidgetFrame spec={bookingSpec} className="teppan-booking" heading={props.heading ?? 'Book your event'}>
      {body}
    </WidgetFrame>
  );
}
