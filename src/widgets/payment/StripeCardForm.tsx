import type { Appearance, Stripe, StripeElements, StripePaymentElement } from '@stripe/stripe-js';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Booking } from '../../contract';
import { type TeppanApi, TeppanError } from '../../core';
import { ErrorNotice, Skeleton } from '../../ui';
import { isBusy } from './depositReducer';
import type { PaymentWords } from './messages/en';
import { PayActions, PaymentAlert } from './PayActions';
import type { Deposit } from './useDeposit';

export interface StripeCardFormProps {
  words: PaymentWords;
  api: TeppanApi;
  deposit: Deposit;
  booking: Booking;
  /** The tenant's Stripe publishable key, from its catalog. */
  publishableKey: string;
}

interface Loaded {
  stripe: Stripe;
  elements: StripeElements;
  element: StripePaymentElement;
}

/** Stripe's look from the widget's own theme, so the Payment Element matches whatever the site set. */
function appearanceOf(el: HTMLElement): Appearance {
  const style = getComputedStyle(el);
  const read = (name: string) => style.getPropertyValue(name).trim() || undefined;
  return {
    theme: 'stripe',
    variables: {
      colorPrimary: read('--_accent'),
      colorText: read('--_text'),
      colorDanger: read('--_danger'),
      colorBackground: read('--_surface'),
      borderRadius: read('--_radius'),
      fontFamily: style.fontFamily,
    },
  };
}

/**
 * The Stripe provider: Stripe.js is fetched only now that a payment form is on
 * the page, and its Payment Element is mounted inside the widget (its shadow
 * root, in the embed). Card data goes to Stripe only. After Stripe.js confirms,
 * the outcome shown is what our server says, having asked Stripe itself.
 */
export function StripeCardForm({ words, api, deposit, booking, publishableKey }: StripeCardFormProps) {
  const { t } = words;
  const loadFailed = t('stripeFailed');
  const { language } = words.locale;
  const mountRef = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<TeppanError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const { state } = deposit;
  const locked = isBusy(state);
  const amount = booking.amountDueCents;
  const currency = booking.currency.toLowerCase();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` loads Stripe.js again after a failure.
  useEffect(() => {
    let live = true;
    let element: StripePaymentElement | undefined;
    void (async () => {
      try {
        const { loadStripe } = await import('@stripe/stripe-js/pure');
        const stripe = await loadStripe(publishableKey);
        const target = mountRef.current;
        if (!stripe) throw new Error('Stripe.js is not available in this browser.');
        if (!live || !target) return;
        // Deferred intent: the PaymentIntent is made when the visitor pays, one per "Pay deposit".
        // Stripe words its own fields and their messages: in the widget's language.
        const elements = stripe.elements({ mode: 'payment', amount, currency, locale: language, appearance: appearanceOf(target) });
        element = elements.create('payment');
        element.on('ready', () => live && setReady(true));
        element.mount(target);
        setLoaded({ stripe, elements, element });
      } catch (cause) {
        if (live) setLoadError(new TeppanError({ kind: 'network', userMessage: loadFailed, cause }));
      }
    })();
    return () => {
      live = false;
      element?.destroy();
    };
  }, [publishableKey, amount, currency, attempt, loadFailed, language]);

  // A decline keeps what was entered and takes the visitor back to the card.
  useEffect(() => {
    if (state.step === 'declined') loaded?.element.focus();
  }, [state.step, loaded]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!loaded || locked) return;
    setMessage(null);
    // Stripe checks the fields first and shows each message beside its field.
    const checked = await loaded.elements.submit();
    if (checked.error) {
      setMessage(checked.error.message ?? t('checkCard'));
      return;
    }
    void deposit.pay(async (payment) => {
      if (!payment.clientSecret) throw new TeppanError({ kind: 'bad_response' });
      const { error } = await loaded.stripe.confirmPayment({
        elements: loaded.elements,
        clientSecret: payment.clientSecret,
        // Cards finish here; payment methods that must leave the page come back to it, and the
        // attempt kept in localStorage is then settled by asking our server.
        redirect: 'if_required',
        confirmParams: { return_url: window.location.href },
      });
      // A card error is an answer (our server will report the decline); anything else left the outcome unknown.
      if (error && error.type !== 'card_error') throw new TeppanError({ kind: 'network', userMessage: error.message ?? loadFailed, cause: error });
      return api.payment(payment.id);
    });
  }

  if (loadError) {
    return (
      <ErrorNotice
        error={loadError}
        retryLabel={t('tryAgain')}
        onRetry={() => {
          setLoadError(null);
          setReady(false);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return (
    <form className="teppan-payment__form" noValidate onSubmit={submit}>
      <PaymentAlert deposit={deposit} words={words} />
      {message ? (
        <div className="teppan-payment__alert" role="alert">
          <p>{message}</p>
        </div>
      ) : null}
      {ready ? null : <Skeleton height="12em" label={t('loadingCardForm')} />}
      <div ref={mountRef} className="teppan-payment__element" />
      <PayActions deposit={deposit} words={words} />
    </form>
  );
}
