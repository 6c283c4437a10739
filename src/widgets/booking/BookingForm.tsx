import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Booking, Catalog, Payment, Quote } from '../../contract';
import type { TeppanError } from '../../core';
import { queryKeys, useCatalog, useFunnel, useQuote, useTeppan } from '../../query';
import { Button, ErrorNotice, Skeleton, Stepper, uiCss, useStableCallback, useStyles } from '../../ui';
import { useWidgetSlots } from '../slots';
import { WidgetFrame } from '../WidgetFrame';
import css from './booking.css?inline';
import { type BookingDraft, draftStore, newDraft, paidDraft, rebookDraft, STEPS, type Step } from './draft';
import { BookingOutcome } from './Success';
import { bookingSpec } from './spec';
import { AddressStep, ContactStep } from './steps/DetailsSteps';
import { ReviewStep } from './steps/ReviewStep';
import { SeatingStep } from './steps/SeatingStep';
import { useSubmission } from './useSubmission';
import { type FieldErrors, stepOfField, validateStep } from './validate';

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

const HEADINGS = ['Choose a seating', 'Event address', 'Contact details', 'Review and confirm'] as const;

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

  const onReady = useStableCallback(props.onReady);
  const onError = useStableCallback(props.onError);
  const onBookingCreated = useStableCallback(props.onBookingCreated);
  const onPaymentSucceeded = useStableCallback(props.onPaymentSucceeded);
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

interface StepsProps {
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

function BookingSteps({ catalog, quote, stored, store, handedOver, payDeposit, onCreated, onPaymentSucceeded, onError }: StepsProps) {
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
  const stepId = useId();

  const save = useCallback((next: BookingDraft) => {
    draftRef.current = next;
    setDraft(next);
  }, []);
  useEffect(() => {
    store.save(draft);
  }, [store, draft]);

  const update = (change: Partial<BookingDraft>) => save({ ...draftRef.current, ...change });
  const goTo = (step: Step) => {
    focusHeading.current = true;
    update({ step });
  };

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
    [client, scope, save, onError],
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
    goTo((draft.step + 1) as Step);
  }

  const sending = submission.state.status === 'sending';
  const status =
    submission.state.status === 'sending'
      ? submission.state.checking
        ? 'Checking on the booking you sent earlier…'
        : 'Sending your booking…'
      : submission.state.status === 'offline'
        ? 'You’re offline. Your booking is saved on this device and will be sent as soon as you’re back online.'
        : '';

  if (draft.bookingId) {
    return (
      <BookingOutcome
        bookingId={draft.bookingId}
        catalog={catalog}
        focus={justCreated}
        payDeposit={payDeposit}
        onBookAgain={() => {
          // Someone may have taken the seating meanwhile: fresh availability, every detail kept.
          void client.invalidateQueries({ queryKey: [...queryKeys.all(scope), 'availability'] });
          handOff({ bookingId: null });
          focusHeading.current = true;
          setJustCreated(false);
          save(rebookDraft(draftRef.current));
        }}
        onBookAnother={() => {
          handOff({ bookingId: null });
          focusHeading.current = true;
          setJustCreated(false);
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
    <form className="teppan-booking__form" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={stepId}>
      <Stepper steps={STEPS} current={draft.step} label="Booking steps" />
      <h3 className="teppan-heading teppan-booking__step" id={stepId} ref={headingRef} tabIndex={-1}>
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
      {draft.step === 0 ? <SeatingStep catalog={catalog} quote={quote} draft={draft} update={update} error={errors.slotId} locale={locale} /> : null}
      {draft.step === 1 ? <AddressStep draft={draft} update={update} errors={errors} /> : null}
      {draft.step === 2 ? <ContactStep draft={draft} update={update} errors={errors} /> : null}
      {draft.step === 3 ? <ReviewStep catalog={catalog} quote={quote} draft={draft} locale={locale} onEdit={(s) => goTo(s)} /> : null}
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
