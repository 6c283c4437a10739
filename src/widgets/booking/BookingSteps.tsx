import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type Booking, type Catalog, type Payment, type Quote, resourceId } from '../../contract';
import { longDate, type TeppanError } from '../../core';
import { queryKeys, useFunnel, useTeppan } from '../../query';
import { Button, ErrorNotice, Stepper } from '../../ui';
import { useWidgetSlots } from '../slots';
import { type BookingDraft, type draftStore, newDraft, paidDraft, rebookDraft, STEPS, type Step } from './draft';
import { BookingOutcome } from './Success';
import { AddressStep, ContactStep } from './steps/DetailsSteps';
import { ReviewStep } from './steps/ReviewStep';
import { SeatingStep } from './steps/SeatingStep';
import { useDayQuote } from './useDayQuote';
import { useSubmission } from './useSubmission';
import { type FieldErrors, stepOfField, validateStep } from './validate';

/** The live booking a `quote-booked` refusal names. */
function bookingIdOf(error: TeppanError): string | null {
  const id = resourceId.safeParse((error.problem as { bookingId?: unknown } | undefined)?.bookingId);
  return id.success ? id.data : null;
}

const HEADINGS = ['Choose a seating', 'Event address', 'Contact details', 'Review and confirm'] as const;

export interface StepsProps {
  catalog: Catalog;
  quote: Quote;
  stored: BookingDraft | null;
  store: ReturnType<typeof draftStore>;
  /** The quote arrived from a calculator on this page just now: bring the form into view. */
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
  const [draft, setDraft] = useState<BookingDraft>(() =>
    // The draft in progress for this quote, or one with an unanswered request, wins; a new quote starts over.
    stored && (stored.quoteId === quote.id || stored.pending) ? stored : newDraft(quote.id, quote.zip, stored),
  );
  const draftRef = useRef<BookingDraft>(draft);
  draftRef.current = draft;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusHeading = useRef(handedOver);

  const save = useCallback((next: BookingDraft) => {
    draftRef.current = next;
    setDraft(next);
  }, []);
  // Kept as the render commits, not after the next paint (where Preact runs plain effects): a reload right after
  // the last keystroke must find it.
  useLayoutEffect(() => {
    store.save(draft);
  }, [store, draft]);

  const update = (change: Partial<BookingDraft>) => save({ ...draftRef.current, ...change });
  const goTo = (step: Step) => {
    focusHeading.current = true;
    update({ step });
  };
  const dayQuote = useDayQuote(quote, draft, update);

  // Each step's heading takes focus when the visitor moves, so screen readers announce where they are.
  // Layout effect: focus moves in the same frame the step appears, before anything else can run.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes.
  useLayoutEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    headingRef.current?.focus();
  }, [draft.step, draft.bookingId]);

  /** The booking was made on this page view (not restored by a reload): its outcome takes focus. */
  const [justCreated, setJustCreated] = useState(false);
  const [adopted, setAdopted] = useState(false);
  const onCreatedDraft = useCallback(
    (booking: Booking) => {
      // The success step and the payment form read this entry: no second request for what just arrived.
      client.setQueryData(queryKeys.booking(scope, booking.id), booking);
      setJustCreated(true);
      save({ ...draftRef.current, pending: null, bookingId: booking.id });
      onCreated(booking);
    },
    [client, scope, save, onCreated],
  );

  // The deposit's code is fetched while the visitor reviews, so the payment form is there the moment the booking is.
  useEffect(() => {
    if (draft.step === 3 && payDeposit) void Payment?.preload?.();
  }, [draft.step, payDeposit, Payment]);

  const onRefused = useCallback(
    (error: TeppanError) => {
      const current = draftRef.current;
      const code = error.problem?.code;
      const existing = code === 'quote-booked' ? bookingIdOf(error) : null;
      if (existing) {
        // This quote already holds a booking (another tab, a draft lost to a reload): show that one and its deposit.
        handOff({ bookingId: existing });
        setBanner(null);
        focusHeading.current = true;
        setJustCreated(true);
        setAdopted(true);
        save({ ...current, bookingId: existing });
        return;
      }
      if (code === 'quote-spent' || code === 'too-many-holds') {
        // Nothing about the seating is wrong: the server's words say what to do, and every field stays as it is.
        setBanner(error.userMessage);
        onError(error);
        return;
      }
      if (error.kind === 'conflict') {
        // Someone else took the seating: fresh availability, the other fields untouched.
        void client.invalidateQueries({ queryKey: [...queryKeys.all(scope), 'availability'] });
        setBanner(error.userMessage);
        setErrors({});
        focusHeading.current = true;
        save({ ...current, slotId: null, step: 0 });
        return;
      }
      const fields = Object.keys(error.fieldErrors);
      if (error.kind === 'validation' && fields.length > 0) {
        setErrors({ ...error.fieldErrors });
        const step = Math.min(...fields.map(stepOfField)) as Step;
        setBanner(step === 3 ? error.userMessage : null);
        focusHeading.current = true;
        save({ ...current, step });
        return;
      }
      setBanner(error.userMessage);
      onError(error);
    },
    [client, scope, save, onError, handOff],
  );

  const submission = useSubmission({ api, draft: draftRef, save, onCreated: onCreatedDraft, onRefused, onFailed: onError });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (draft.step === 3) {
      setBanner(null);
      void submission.send();
      return;
    }
    const found = validateStep(draft.step, draft, quote.zip);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      const target = first === 'slotId' ? 'input[type="radio"]:not(:disabled), [data-day][tabindex="0"]' : `[data-field="${first}"]`;
      formRef.current?.querySelector<HTMLElement>(target)?.focus();
      return;
    }
    setBanner(null);
    if (draft.step === 0) void continueFromSeating();
    else goTo((draft.step + 1) as Step);
  }

  async function continueFromSeating() {
    if (await dayQuote.ensure()) goTo(1);
  }

  const sending = submission.state.status === 'sending' || dayQuote.pricing !== null;
  const status = dayQuote.pricing
    ? `Pricing your quote for ${longDate(dayQuote.pricing, locale)}…`
    : submission.state.status === 'sending'
      ? submission.state.checking
        ? 'Checking on the booking you sent earlier…'
        : 'Sending your booking…'
      : submission.state.status === 'offline'
        ? 'You’re offline. Your booking is saved on this device and will be sent as soon as you’re back online.'
        : '';

  // The day's quote refused for its date (outside the booking window, say): the message belongs by the calendar.
  const dayFieldError = dayQuote.error?.kind === 'validation' ? (dayQuote.error.fieldErrors.eventDate ?? dayQuote.error.userMessage) : undefined;

  if (draft.bookingId) {
    return (
      <BookingOutcome
        bookingId={draft.bookingId}
        catalog={catalog}
        focus={justCreated}
        notice={adopted ? 'Your quote already had this booking, so no second one was made.' : null}
        payDeposit={payDeposit}
        onBookAgain={() => {
          // Someone may have taken the seating meanwhile: fresh availability, every detail kept.
          void client.invalidateQueries({ queryKey: [...queryKeys.all(scope), 'availability'] });
          handOff({ bookingId: null });
          focusHeading.current = true;
          setJustCreated(false);
          setAdopted(false);
          save(rebookDraft(draftRef.current));
        }}
        onBookAnother={() => {
          handOff({ bookingId: null });
          focusHeading.current = true;
          setJustCreated(false);
          setAdopted(false);
          save(newDraft(quote.id, quote.zip));
        }}
        onPaymentSucceeded={(payment, booking) => {
          save(paidDraft(draftRef.current));
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
        <SeatingStep catalog={catalog} quote={quote} draft={draft} update={update} error={errors.slotId ?? dayFieldError} locale={locale} />
      ) : null}
      {draft.step === 0 && dayQuote.error && !dayFieldError ? <ErrorNotice error={dayQuote.error} onRetry={() => void continueFromSeating()} /> : null}
      {draft.step === 1 ? <AddressStep draft={draft} update={update} errors={errors} /> : null}
      {draft.step === 2 ? <ContactStep draft={draft} update={update} errors={errors} /> : null}
      {draft.step === 3 ? <ReviewStep catalog={catalog} quote={dayQuote.booked} draft={draft} locale={locale} onEdit={(s) => goTo(s)} /> : null}
      {submission.state.status === 'failed' ? (
        <ErrorNotice
          error={submission.state.error}
          onRetry={() => {
            submission.reset();
            void submission.send();
          }}
        />
      ) : null}
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
