import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { Booking, Catalog, Payment, Quote } from '../../contract';
import { longDate, newIdempotencyKey, pageEnvironment, resolveLocale, type TeppanError, translator } from '../../core';
import { queryKeys, useFunnel, useTeppan } from '../../query';
import { Button, ErrorNotice, Stepper, useMachine } from '../../ui';
import { SeatingPicker } from '../SeatingPicker';
import { seatingEn } from '../seatingMessages';
import { useWidgetSlots } from '../slots';
import { type BookingDraft, type draftStore, newDraft, STEPS, type Step } from './draft';
import { BookingOutcome } from './Success';
import { AddressStep, ContactStep } from './steps/DetailsSteps';
import { ReviewStep } from './steps/ReviewStep';
import { initialSteps, refusalOf, stepsReducer } from './stepsReducer';
import { useDayQuote } from './useDayQuote';
import { useSubmission } from './useSubmission';
import { validateStep } from './validate';

/** The seating picker's words: the booking form speaks English. */
const SEATING_WORDS = translator(seatingEn);

const HEADINGS = ['Choose a seating', 'Event address', 'Contact details', 'Review and confirm'] as const;

export interface StepsProps {
  catalog: Catalog;
  quote: Quote;
  stored: BookingDraft | null;
  store: ReturnType<typeof draftStore>;
  /** The visitor chose this quote just now (a calculator's "Book this quote", "Continue your booking"): focus moves into the form. */
  handedOver: boolean;
  payDeposit: boolean;
  onCreated: (booking: Booking) => void;
  onPaymentSucceeded: (payment: Payment, booking: Booking) => void;
  onError: (error: TeppanError) => void;
}

/** The four steps of one quote's booking, then what became of the booking. */
export function BookingSteps({ catalog, quote, stored, store, handedOver, payDeposit, onCreated, onPaymentSucceeded, onError }: StepsProps) {
  const { api, scope, locale } = useTeppan();
  const client = useQueryClient();
  const { handOff } = useFunnel();
  const { Payment } = useWidgetSlots();
  const [model, machine] = useMachine(stepsReducer, () =>
    initialSteps(
      // The draft in progress for this quote, or one with an unanswered request, wins; a new quote starts over.
      stored && (stored.quoteId === quote.id || stored.pending) ? stored : newDraft(quote.id, quote.zip, stored),
      handedOver,
    ),
  );
  const { dispatch } = machine;
  const { draft, errors, banner, submission } = model;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Kept as the render commits, not after the next paint (where Preact runs plain effects): a reload right after
  // the last keystroke must find it.
  useLayoutEffect(() => {
    store.save(draft);
  }, [store, draft]);

  const update = useCallback((change: Partial<BookingDraft>) => dispatch({ type: 'edit', change }), [dispatch]);
  const goTo = (step: Step) => dispatch({ type: 'go', step });
  const dayQuote = useDayQuote(quote, draft, update);

  // Each step's heading takes focus when the visitor moves, so screen readers announce where they are.
  // Layout effect: focus moves in the same frame the step appears, before anything else can run.
  useLayoutEffect(() => {
    if (model.focus) headingRef.current?.focus();
  }, [model.focus]);

  const onBookingCreated = useCallback(
    (booking: Booking) => {
      // The success step and the payment form read this entry: no second request for what just arrived.
      client.setQueryData(queryKeys.booking(scope, booking.id), booking);
      dispatch({ type: 'created', bookingId: booking.id });
      onCreated(booking);
    },
    [client, scope, dispatch, onCreated],
  );

  // The deposit's code is fetched while the visitor reviews, so the payment form is there the moment the booking is.
  useEffect(() => {
    if (draft.step === 3 && payDeposit) void Payment?.preload?.();
  }, [draft.step, payDeposit, Payment]);

  const onRefused = useCallback(
    (error: TeppanError) => {
      dispatch({ type: 'refused', error });
      const refusal = refusalOf(error);
      if (refusal.kind === 'adopt') handOff({ bookingId: refusal.bookingId });
      else if (refusal.kind === 'seating-taken') void client.invalidateQueries({ queryKey: [...queryKeys.all(scope), 'availability'] });
      else if (refusal.kind === 'notice') onError(error);
    },
    [client, scope, dispatch, onError, handOff],
  );

  const { send } = useSubmission({
    api,
    machine,
    onCreated: onBookingCreated,
    onRefused,
    onFailed: onError,
    locale: resolveLocale([locale], pageEnvironment()).tag,
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (draft.step === 3) {
      void send();
      return;
    }
    const found = validateStep(draft.step, draft, quote.zip);
    dispatch({ type: 'checked', errors: found });
    const first = Object.keys(found)[0];
    if (first) {
      const target = first === 'slotId' ? 'input[type="radio"]:not(:disabled), [data-day][tabindex="0"]' : `[data-field="${first}"]`;
      formRef.current?.querySelector<HTMLElement>(target)?.focus();
      return;
    }
    if (draft.step === 0) void continueFromSeating();
    else goTo((draft.step + 1) as Step);
  }

  async function continueFromSeating() {
    if (await dayQuote.ensure()) goTo(1);
  }

  const sending = submission.status === 'sending' || dayQuote.pricing !== null;
  const status = dayQuote.pricing
    ? `Pricing your quote for ${longDate(dayQuote.pricing, locale)}…`
    : submission.status === 'sending'
      ? submission.checking
        ? 'Checking on the booking you sent earlier…'
        : 'Sending your booking…'
      : submission.status === 'offline'
        ? 'You’re offline. Your booking is saved on this device and will be sent as soon as you’re back online.'
        : '';

  // The day's quote refused for its date (outside the booking window, say): the message belongs by the calendar.
  const dayFieldError = dayQuote.error?.kind === 'validation' ? (dayQuote.error.fieldErrors.eventDate ?? dayQuote.error.userMessage) : undefined;

  if (draft.bookingId) {
    return (
      <BookingOutcome
        bookingId={draft.bookingId}
        catalog={catalog}
        // Its outcome takes focus when it was just made, or when the visitor just chose its quote ("Continue your booking").
        focus={model.justCreated || handedOver}
        notice={model.adopted ? 'Your quote already had this booking, so no second one was made.' : null}
        payDeposit={payDeposit}
        onBookAgain={() => {
          // Someone may have taken the seating meanwhile: fresh availability, every detail kept.
          void client.invalidateQueries({ queryKey: [...queryKeys.all(scope), 'availability'] });
          handOff({ bookingId: null });
          dispatch({ type: 'book-again', key: newIdempotencyKey() });
        }}
        onBookAnother={() => {
          handOff({ bookingId: null });
          dispatch({ type: 'book-another', draft: newDraft(quote.id, quote.zip) });
        }}
        onPaymentSucceeded={(payment, booking) => {
          dispatch({ type: 'paid' });
          onPaymentSucceeded(payment, booking);
        }}
        onError={onError}
      />
    );
  }

  return (
    <form className="teppan-booking__form" ref={formRef} noValidate onSubmit={onSubmit}>
      <Stepper steps={STEPS} current={draft.step} label="Booking steps" />
      <h3 className="teppan-heading teppan-booking__step" ref={headingRef} tabIndex={-1}>
        <span className="teppan-sr-only">
          Step {draft.step + 1} of {STEPS.length}:{' '}
        </span>
        {HEADINGS[draft.step]}
      </h3>
      {banner ? (
        <div className="teppan-booking__banner" role="alert">
          {banner}
        </div>
      ) : null}
      {draft.step === 0 ? (
        <SeatingPicker
          catalog={catalog}
          guests={quote.adults + quote.children}
          startDay={quote.eventDate}
          day={draft.day}
          slotId={draft.slotId}
          onChange={update}
          error={errors.slotId ?? dayFieldError}
          t={SEATING_WORDS}
          locale={locale}
        />
      ) : null}
      {draft.step === 0 && dayQuote.error && !dayFieldError ? <ErrorNotice error={dayQuote.error} onRetry={() => void continueFromSeating()} /> : null}
      {draft.step === 1 ? <AddressStep draft={draft} update={update} errors={errors} /> : null}
      {draft.step === 2 ? <ContactStep draft={draft} update={update} errors={errors} /> : null}
      {draft.step === 3 ? <ReviewStep catalog={catalog} quote={dayQuote.booked} draft={draft} locale={locale} onEdit={(s) => goTo(s)} /> : null}
      {submission.status === 'failed' ? <ErrorNotice error={submission.error} onRetry={() => void send()} /> : null}
      <p className="teppan-booking__status" role="status">
        {status}
      </p>
      <div className="teppan-booking__actions">
        {draft.step > 0 ? (
          <Button variant="secondary" onClick={() => goTo((draft.step - 1) as Step)} disabled={sending}>
            Back
          </Button>
        ) : null}
        <Button type="submit" busy={sending}>
          {draft.step === 3 ? 'Confirm booking' : 'Continue'}
        </Button>
      </div>
    </form>
  );
}
