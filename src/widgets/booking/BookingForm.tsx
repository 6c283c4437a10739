import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Booking, Payment, Quote } from '../../contract';
import type { TeppanError } from '../../core';
import { useCatalog, useFunnel, useQuote, useTeppan } from '../../query';
import { ErrorNotice, Skeleton, uiCss, useStyles } from '../../ui';
import { useFirstScreen, useWidgetSlots } from '../slots';
import { useHostCallback } from '../useHostCallback';
import { useMessages } from '../useMessages';
import { WidgetFrame } from '../WidgetFrame';
import { failureWords } from '../words';
import { BookingSteps } from './BookingSteps';
import css from './booking.css?inline';
import { draftStore } from './draft';
import { en } from './messages/en';
import { bookingTranslations } from './messages/load';
import { NoQuote } from './NoQuote';
import { bookingSpec } from './spec';

export interface BookingFormProps {
  /** Heading above the form. */
  heading?: string;
  /**
   * The language it speaks (BCP 47, `es` or `es-MX`), or `auto` for the visitor's browser; the calculator and
   * deposit form it shows in place speak it too. Unset, the `TeppanProvider`'s `locale` decides, else the
   * page's `<html lang>`, else English.
   */
  locale?: string;
  /**
   * The quote to book. Without it the form takes the funnel's: the quote a
   * QuoteCalculator on this page handed over, else the page URL's `quote`
   * parameter (the order of precedence is documented in src/core/funnel.ts).
   * Without either, it starts at the quote: on a page with no QuoteCalculator,
   * the calculator in place as its first step; on a page with one, a short
   * prompt pointing to it. A quote remembered from an earlier visit is offered
   * there ("Continue your booking"), not opened: what shows first never depends
   * on what this browser remembers, so its space is reserved exactly.
   */
  quoteId?: string;
  /** On a page with a QuoteCalculator: where the prompt's "Get a quote" goes (`#quote`); without it, the button brings the calculator into view. */
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
  /** The visitor chose to book a quote from the calculator in place (also the `teppan:quote` event). */
  onQuote?: (quote: Quote) => void;
  onReady?: () => void;
  onError?: (error: TeppanError) => void;
}

/** Seating, address, contact, review: one keyed POST, a draft that survives reloads, and a way back from a full seating. */
export default function BookingForm(props: BookingFormProps) {
  useStyles(uiCss, css);
  const { data: catalog } = useCatalog();
  const { scope } = useTeppan();
  const words = useMessages(en, bookingTranslations, props.locale);
  const { t } = words;
  const store = useMemo(() => draftStore(scope, props.draftId), [scope, props.draftId]);
  const [stored] = useState(() => store.load());
  const funnel = useFunnel();
  const screen = useFirstScreen();
  const { Quote: InPlace } = useWidgetSlots();
  // A remembered quote opens once the visitor asks for it.
  const [resumed, setResumed] = useState(false);
  const quoteId = props.quoteId ?? (screen === 'steps' || funnel.handedOffHere || resumed ? funnel.quoteId : null);
  // Loaded while offered too: "Continue your booking" then shows it at once.
  const quote = useQuote((quoteId ?? funnel.quoteId) || undefined);

  const onReady = useHostCallback('onReady', props.onReady);
  const onError = useHostCallback('onError', props.onError);
  const onBookingCreated = useHostCallback('onBookingCreated', props.onBookingCreated);
  const onPaymentSucceeded = useHostCallback('onPaymentSucceeded', props.onPaymentSucceeded);
  const onQuote = useHostCallback('onQuote', props.onQuote);
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
  // What shows until there is a quote: the screen the layer above reserved (src/widgets/screens.ts), or a prompt when
  // no calculator can be shown in place.
  const shown = quoteId ? 'steps' : screen === 'prompt' || !InPlace ? 'prompt' : '';
  if (!quoteId) {
    body = (
      <NoQuote
        words={words}
        calculator={shown === '' ? InPlace : undefined}
        quoteUrl={props.quoteUrl}
        remembered={funnel.quoteId !== null}
        onResume={() => setResumed(true)}
        onQuote={onQuote}
        onError={onError}
      />
    );
  } else if (quote.error) {
    body = (
      <ErrorNotice
        error={{ userMessage: failureWords(words, quote.error), retryable: quote.error.retryable }}
        onRetry={() => void quote.refetch()}
        retryLabel={t('tryAgain')}
      />
    );
  } else if (!quote.data) {
    body = <Skeleton height="24em" label={t('loadingQuote')} />;
  } else {
    body = (
      <BookingSteps
        key={quote.data.id}
        words={words}
        catalog={catalog}
        quote={quote.data}
        stored={stored}
        store={store}
        handedOver={(funnel.handedOffHere || resumed) && funnel.quoteId === quote.data.id}
        payDeposit={props.payDeposit ?? true}
        onCreated={handleCreated}
        onPaymentSucceeded={onPaymentSucceeded}
        onError={onError}
      />
    );
  }

  return (
    <WidgetFrame spec={bookingSpec} screen={shown} className="teppan-booking" heading={props.heading ?? t('heading')} lang={words.locale.tag}>
      {body}
    </WidgetFrame>
  );
}
