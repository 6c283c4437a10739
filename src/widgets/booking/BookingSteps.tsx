import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { Booking, Catalog, Payment, Quote } from '../../contract';
import { longDate, newIdempotencyKey, type TeppanError } from '../../core';
import { queryKeys, useFunnel, useTeppan } from '../../query';
import { Button, ErrorNotice, Stepper, useMachine } from '../../ui';
import { SeatingPicker } from '../SeatingPicker';
import { useWidgetSlots } from '../slots';
import { failureWords, fieldWords, serverProblems } from '../words';
import { type BookingDraft, type draftStore, newDraft, STEPS, type Step } from './draft';
import type { BookingWords } from './messages/en';
import { BookingOutcome } from './Success';
import { AddressStep, ContactStep } from './steps/DetailsSteps';
import { ReviewStep } from './steps/ReviewStep';
import { initialSteps, refusalOf, stepsReducer } from './stepsReducer';
import { useDayQuote } from './useDayQuote';
import { useSubmission } from './useSubmission';
import { validateStep } from './validate';

export interface StepsProps {
  words: BookingWords;
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
export function BookingSteps({ words, catalog, quote, stored, store, handedOver, payDeposit, onCreated, onPaymentSucceeded, onError }: StepsProps) {
  const { api, scope } = useTeppan();
  const { t } = words;
  const locale = words.locale.tag;
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
    // The form's own language, as its words resolved it: the customer's emails are in it.
    locale,
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
    ? t('status.pricing', { date: longDate(dayQuote.pricing, locale) })
    : submission.status === 'sending'
      ? t(submission.checking ? 'status.checking' : 'status.sending')
      : submission.status === 'offline'
        ? t('status.offline')
        : '';

  // A field's problem in the visitor's language; a ZIP refused by the server is about the quote's ZIP.
  const problemAt = (field: string) => {
    const problem = errors[field];
    return problem && fieldWords(words, field, { ...problem, params: { zip: quote.zip, ...problem.params } });
  };
  // The day's quote refused for its date (outside the booking window, say): the message belongs by the calendar.
  const dayProblem = dayQuote.error?.kind === 'validation' ? serverProblems(dayQuote.error).eventDate : undefined;
  const dayFieldError =
    dayQuote.error?.kind === 'validation' ? (dayProblem ? fieldWords(words, 'eventDate', dayProblem) : failureWords(words, dayQuote.error)) : undefined;
  // A refusal above the step: of a field only the review shows (the quote: stepsReducer routes the others), or of the whole booking.
  const bannerField = banner && Object.entries(serverProblems(banner))[0];
  const bannerText = bannerField ? fieldWords(words, bannerField[0], bannerField[1]) : banner && failureWords(words, banner);
  const failure = (error: TeppanError) => ({ userMessage: failureWords(words, error), retryable: error.retryable });

  if (draft.bookingId) {
    return (
      <BookingOutcome
        bookingId={draft.bookingId}
        catalog={catalog}
        // Its outcome takes focus when it was just made, or when the visitor just chose its quote ("Continue your booking").
        focus={model.justCreated || handedOver}
        words={words}
        notice={model.adopted ? t('adopted') : null}
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
      <Stepper steps={STEPS.map((step) => t(`step.${step}`))} current={draft.step} label={t('steps')} done={t('stepDone')} />
      <h3 className="teppan-heading teppan-booking__step" ref={headingRef} tabIndex={-1}>
        <span className="teppan-sr-only">{t('stepOf', { step: draft.step + 1, steps: STEPS.length })}</span>
        {t(`heading.${draft.step}`)}
      </h3>
      {bannerText ? (
        <div className="teppan-booking__banner" role="alert">
          {bannerText}
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
          error={problemAt('slotId') ?? dayFieldError}
          t={t}
          locale={locale}
        />
      ) : null}
      {draft.step === 0 && dayQuote.error && !dayFieldError ? (
        <ErrorNotice error={failure(dayQuote.error)} onRetry={() => void continueFromSeating()} retryLabel={t('tryAgain')} />
      ) : null}
      {draft.step === 1 ? <AddressStep words={words} draft={draft} update={update} errorAt={problemAt} /> : null}
      {draft.step === 2 ? <ContactStep words={words} draft={draft} update={update} errorAt={problemAt} /> : null}
      {draft.step === 3 ? <ReviewStep words={words} catalog={catalog} quote={dayQuote.booked} draft={draft} onEdit={(s) => goTo(s)} /> : null}
      {submission.status === 'failed' ? <ErrorNotice error={failure(submission.error)} onRetry={() => void send()} retryLabel={t('tryAgain')} /> : null}
      <p className="teppan-booking__status" role="status">
        {status}
      </p>
      <div className="teppan-booking__actions">
        {draft.step > 0 ? (
          <Button variant="secondary" onClick={() => goTo((draft.step - 1) as Step)} disabled={sending}>
            {t('back')}
          </Button>
        ) : null}
        <Button type="submit" busy={sending}>
          {t(draft.step === 3 ? 'confirm' : 'continue')}
        </Button>
      </div>
    </form>
  );
}
