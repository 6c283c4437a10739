import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Booking, Catalog, Payment } from '../../contract';
import { formatMoney, formatTime, longDate, type TeppanError } from '../../core';
import { queryKeys, useBooking, useCatalog, useFunnel, usePayment, useTeppan } from '../../query';
import { Countdown, ErrorNotice, Skeleton, uiCss, useStyles } from '../../ui';
import { rich } from '../rich';
import { useFirstScreen } from '../slots';
import { useHostCallback } from '../useHostCallback';
import { useMessages } from '../useMessages';
import { WidgetFrame } from '../WidgetFrame';
import { failureWords } from '../words';
import { Expired } from './Expired';
import { en, type PaymentWords } from './messages/en';
import { paymentTranslations } from './messages/load';
import { NoBooking } from './NoBooking';
import css from './payment.css?inline';
import { Receipt } from './Receipt';
import { StripeCardForm } from './StripeCardForm';
import { paymentSpec } from './spec';
import { TestCardForm } from './TestCardForm';
import { useDeposit } from './useDeposit';

export interface PaymentFormProps {
  /** Heading above the form ("Pay your deposit"). */
  heading?: string;
  /**
   * The language it speaks (BCP 47, `es` or `es-MX`), or `auto` for the visitor's browser. Unset, the
   * `TeppanProvider`'s `locale` decides, else the page's `<html lang>`, else English.
   */
  locale?: string;
  /**
   * The booking whose deposit to pay. Without it, the funnel's booking: the one
   * just created by a BookingForm on this page, else the page URL's `booking`
   * parameter (the order is in src/core/funnel.ts). Without either, a short
   * prompt to book (`bookingUrl`'s page, or the page's own BookingForm); a
   * booking remembered from an earlier visit is offered there ("Show your
   * booking"), not opened: what shows first never depends on what this browser
   * remembers, so its space is reserved exactly.
   */
  bookingId?: string;
  /**
   * A page with the BookingForm. With no booking, "Book a seating" opens it;
   * after a hold expired, "Book again" opens it with `?quote=<the booking's
   * quote>`, where the visitor's details are kept.
   */
  bookingUrl?: string;
  /**
   * For a place that already shows the hold (the BookingForm's success step
   * renders the PaymentForm this way): no frame, heading or countdown of its own.
   */
  inline?: boolean;
  /** "Book again" after the hold expired does this instead of opening `bookingUrl`. */
  onBookAgain?: () => void;
  /** The deposit is paid and the booking confirmed (also the `teppan:payment-succeeded` event, detail: the payment). */
  onPaymentSucceeded?: (payment: Payment, booking: Booking) => void;
  onReady?: () => void;
  /** A failure the visitor was shown. */
  onError?: (error: TeppanError) => void;
}

/** Pays a held booking's deposit exactly once, and shows the receipt. */
export default function PaymentForm(props: PaymentFormProps) {
  useStyles(uiCss, css);
  const { data: catalog } = useCatalog();
  const funnel = useFunnel();
  // The layer above picked 'pay' when the element or the URL names a booking (src/widgets/screens.ts).
  const screen = useFirstScreen();
  // A remembered booking opens once the visitor asks for it.
  const [resumed, setResumed] = useState(false);
  const bookingId = props.bookingId ?? (screen === 'pay' || funnel.handedOffHere || resumed ? funnel.bookingId : null);
  const words = useMessages(en, paymentTranslations, props.locale);
  const { t } = words;
  const onReady = useHostCallback('onReady', props.onReady);
  useEffect(() => onReady(), [onReady]);
  // The button the visitor pressed is gone: focus goes to what replaced it, from where Tab reaches the card form.
  const opened = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (resumed) opened.current?.focus();
  }, [resumed]);

  const body = bookingId ? (
    <div className="teppan-payment__flow" ref={opened} tabIndex={-1}>
      <DepositFlow key={bookingId} bookingId={bookingId} catalog={catalog} props={props} words={words} />
    </div>
  ) : (
    <NoBooking words={words} bookingUrl={props.bookingUrl} remembered={funnel.bookingId !== null} onResume={() => setResumed(true)} />
  );
  if (props.inline) return <div className="teppan-payment teppan-payment--inline">{body}</div>;
  return (
    <WidgetFrame spec={paymentSpec} screen={bookingId ? 'pay' : ''} className="teppan-payment" heading={props.heading ?? t('heading')} lang={words.locale.tag}>
      {body}
    </WidgetFrame>
  );
}

interface FlowProps {
  bookingId: string;
  catalog: Catalog;
  props: PaymentFormProps;
  words: PaymentWords;
}

function DepositFlow({ bookingId, catalog, props, words }: FlowProps) {
  const { api, scope } = useTeppan();
  const { t, word } = words;
  const locale = words.locale.tag;
  const client = useQueryClient();
  const booking = useBooking(bookingId);
  const onError = useHostCallback('onError', props.onError);
  const onSucceeded = useHostCallback('onPaymentSucceeded', props.onPaymentSucceeded);
  const onBookAgain = useHostCallback('onBookAgain', props.onBookAgain);

  const onPaid = useCallback(
    async (payment: Payment) => {
      const key = queryKeys.booking(scope, bookingId);
      client.setQueryData(queryKeys.payment(scope, payment.id), payment);
      // What the server now says of the booking; if that read fails, what paying made of it.
      const paid = await api.booking(bookingId).catch(() => {
        const held = client.getQueryData<Booking>(key);
        return held && { ...held, status: 'confirmed' as const, amountDueCents: 0, paymentId: payment.id };
      });
      if (!paid) return;
      client.setQueryData(key, paid);
      onSucceeded(payment, paid);
    },
    [api, client, scope, bookingId, onSucceeded],
  );
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.booking(scope, bookingId) }), [client, scope, bookingId]);
  const deposit = useDeposit({ api, scope, bookingId, onPaid, onBookingChanged: refresh, onError });
  const paidWith = usePayment(booking.data?.paymentId);
  const money = (cents: number) => formatMoney(cents, catalog.currency, locale);

  const notice = (error: TeppanError, retry: () => void) => (
    <ErrorNotice error={{ userMessage: failureWords(words, error), retryable: error.retryable }} onRetry={retry} retryLabel={t('tryAgain')} />
  );
  if (booking.error) return notice(booking.error, () => void booking.refetch());
  if (!booking.data) return <Skeleton height="20em" label={t('loadingBooking')} />;
  const b = booking.data;

  if (b.status === 'confirmed') {
    const payment = deposit.state.step === 'paid' ? deposit.state.payment : paidWith.data;
    if (paidWith.error) return notice(paidWith.error, () => void paidWith.refetch());
    if (!payment) return <Skeleton height="20em" label={t('loadingReceipt')} />;
    return (
      <Receipt
        booking={b}
        payment={payment}
        catalog={catalog}
        words={words}
        calendarUrl={api.calendarUrl(b.id)}
        focus={deposit.state.step === 'paid' || deposit.state.step === 'already-paid'}
      />
    );
  }
  if (b.status === 'expired' || deposit.state.step === 'expired') {
    return (
      <Expired
        booking={b}
        catalog={catalog}
        words={words}
        bookingUrl={props.bookingUrl}
        onBookAgain={props.onBookAgain && onBookAgain}
        focus={deposit.state.step === 'expired'}
      />
    );
  }
  if (b.status === 'cancelled') return <p>{t('cancelled')}</p>;

  const seating = t('when', { date: longDate(b.slotId.slice(0, 10), locale), time: formatTime(b.start, catalog.timeZone, locale) });
  return (
    <div className="teppan-payment__pay">
      {props.inline ? null : (
        <>
          <p>
            {rich(word, 'payIntro', {
              deposit: <strong>{money(b.amountDueCents)}</strong>,
              seating: <strong>{seating}</strong>,
              guests: t('guests', { count: b.guests }),
              total: money(b.totalCents),
            })}
          </p>
          <p className="teppan-hold">
            <Countdown until={b.holdExpiresAt} onEnd={refresh} announce={(count) => t('hold.minutesLeft', { count })}>
              {(left) => rich(word, 'heldFor', { left: <strong>{left}</strong> })}
            </Countdown>
          </p>
        </>
      )}
      {catalog.payments.provider === 'stripe' ? (
        <StripeCardForm words={words} api={api} deposit={deposit} booking={b} publishableKey={catalog.payments.publishableKey} />
      ) : (
        <TestCardForm words={words} api={api} deposit={deposit} amount={money(b.amountDueCents)} merchant={catalog.name} />
      )}
    </div>
  );
}
