import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { Catalog, ManageView } from '../../contract';
import { asTeppanError, formatMoney, formatTime, type Locale, longDate, newIdempotencyKey, type TeppanError, type Translate } from '../../core';
import { useCatalog, useTeppan } from '../../query';
import { Button, ErrorNotice, Skeleton, uiCss, useStyles } from '../../ui';
import { useHostCallback } from '../useHostCallback';
import { useMessages } from '../useMessages';
import { WidgetFrame } from '../WidgetFrame';
import { AddToCalendar, BookingFacts } from './BookingFacts';
import { CancelBooking, deadline } from './CancelBooking';
import { ChooseSeating, ConfirmMove } from './ChangeDate';
import css from './manage.css?inline';
import { initialManage, type ManageModel, manageReducer } from './manageReducer';
import { en, type ManageMessages } from './messages/en';
import { manageTranslations } from './messages/load';
import { manageSpec } from './spec';
import { useManageApi, useManageChanges, useManageView } from './useManage';
import { worded } from './words';

export interface ManageBookingProps {
  /** Heading above the booking ("Your booking"). */
  heading?: string;
  /**
   * The language it speaks (BCP 47, `es` or `es-MX`), or `auto` for the visitor's browser. Unset, the
   * `TeppanProvider`'s `locale` decides, else the page's `<html lang>`, else English.
   */
  locale?: string;
  /**
   * The manage link's token, from the link in the confirmation email. Without it, the page URL's `token`
   * parameter (the link is `/manage.html?token=…`, `/es/manage.html?token=…` in Spanish, or the business's own page with `?token=…`).
   */
  token?: string;
  /** The widget is showing the booking. */
  onReady?: () => void;
  /** A failure the visitor was shown. */
  onError?: (error: TeppanError) => void;
}

/** The page URL's `token`, where a manage link puts it. */
const tokenOfPage = () => (typeof location === 'undefined' ? undefined : (new URLSearchParams(location.search).get('token') ?? undefined));

/**
 * The booking behind a manage link, as it stands: add it to a calendar, change its date or time, or cancel it
 * with the policy shown first. Opening it only reads; every change is a confirmed POST.
 */
export default function ManageBooking(props: ManageBookingProps) {
  useStyles(uiCss, css);
  const { data: catalog } = useCatalog();
  const { t, locale } = useMessages(en, manageTranslations, props.locale);
  const token = props.token || tokenOfPage();
  const onReady = useHostCallback('onReady', props.onReady);
  const onError = useHostCallback('onError', props.onError);
  useEffect(() => onReady(), [onReady]);
  return (
    <WidgetFrame spec={manageSpec} className="teppan-manage" heading={props.heading ?? t('heading')} lang={locale.tag}>
      {token ? (
        <Manage key={token} token={token} catalog={catalog} t={t} locale={locale} onError={onError} />
      ) : (
        <p className="teppan-manage__note">{t('noToken')}</p>
      )}
    </WidgetFrame>
  );
}

interface ManageProps {
  token: string;
  catalog: Catalog;
  t: Translate<ManageMessages>;
  locale: Locale;
  onError: (error: TeppanError) => void;
}

/** A step's focus key: the heading takes focus when it changes, never on the first render, nor on a pick within a step. */
const focusKey = (m: ManageModel) => (m.step === 'view' ? `view:${m.outcome?.kind ?? ''}` : m.step === 'choose' ? `choose:${m.problem ?? ''}` : m.step);

function Manage({ token, catalog, t, locale, onError }: ManageProps) {
  const { api } = useTeppan();
  const manage = useManageApi();
  const view = useManageView(manage, token);
  const { reschedule, cancel, refresh } = useManageChanges(manage, token);
  const [model, dispatch] = useReducer(manageReducer, initialManage);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef<string | undefined>(undefined);
  const key = focusKey(model);

  useLayoutEffect(() => {
    if (shown.current !== undefined && shown.current !== key) heading.current?.focus();
    shown.current = key;
  }, [key]);
  useEffect(() => {
    if (view.error) onError(view.error);
  }, [view.error, onError]);

  if (view.error) return <ErrorNotice error={worded(t, view.error, 0)} onRetry={() => void view.refetch()} retryLabel={t('tryAgain')} />;
  if (!view.data) return <Skeleton height="24em" label={t('loading')} />;
  const v = view.data;
  const b = v.booking;
  /** What every step shows the booking with. */
  const about: ViewProps = { view: v, catalog, t, locale };

  async function confirmMove() {
    if (model.step !== 'confirm-move' || reschedule.pending) return;
    try {
      const { booking } = await reschedule.run({ slotId: model.slotId, key: model.key });
      dispatch({ type: 'moved', before: b });
      setAnnouncement(
        t('announce.moved', { date: longDate(booking.slotId.slice(0, 10), locale.tag), time: formatTime(booking.start, catalog.timeZone, locale.tag) }),
      );
    } catch (e) {
      const error = asTeppanError(e);
      onError(error);
      if (error.problem?.code === 'seating-full') {
        // Back to the seatings, which are asked for afresh: the visitor sees the one that filled as full.
        reschedule.reset();
        dispatch({ type: 'seating-full' });
        void refresh();
        setAnnouncement(t('announce.seatingFull'));
      }
    }
  }

  async function confirmCancel() {
    if (model.step !== 'cancel' || cancel.pending) return;
    try {
      const { refundCents } = await cancel.run({ reason: model.reason, key: model.key });
      dispatch({ type: 'cancelled', refundCents });
      setAnnouncement(t('announce.cancelled'));
    } catch (e) {
      onError(asTeppanError(e));
    }
  }

  /** A step left: its failure goes with it. */
  const leave = () => {
    reschedule.reset();
    cancel.reset();
    dispatch({ type: 'back' });
  };

  const title =
    model.step === 'choose'
      ? t('change')
      : model.step === 'confirm-move'
        ? t('confirmChange.heading')
        : model.step === 'cancel'
          ? t('cancel')
          : b.status === 'cancelled'
            ? t('status.cancelled')
            : b.status !== 'confirmed'
              ? t('status.other')
              : model.outcome?.kind === 'moved'
                ? t('status.moved')
                : t('status.confirmed');

  return (
    <div className="teppan-manage__body">
      <h3 className="teppan-heading teppan-manage__title" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {model.step === 'choose' ? (
        <ChooseSeating
          {...about}
          day={model.day}
          slotId={model.slotId}
          problem={model.problem}
          onPick={(change) => dispatch({ type: 'pick', ...change })}
          onContinue={() => dispatch({ type: 'review', current: b.slotId, key: newIdempotencyKey() })}
          onBack={leave}
        />
      ) : model.step === 'confirm-move' ? (
        <ConfirmMove
          {...about}
          slotId={model.slotId}
          pending={reschedule.pending}
          error={reschedule.error}
          onConfirm={() => void confirmMove()}
          onBack={leave}
        />
      ) : model.step === 'cancel' ? (
        <CancelBooking
          {...about}
          reason={model.reason}
          onReason={(reason) => dispatch({ type: 'reason', reason })}
          pending={cancel.pending}
          error={cancel.error}
          onConfirm={() => void confirmCancel()}
          onKeep={leave}
        />
      ) : (
        <>
          <Outcome {...about} model={model} />
          <BookingFacts {...about} />
          {b.status === 'confirmed' ? (
            <>
              <AddToCalendar {...about} icsUrl={api.calendarUrl(b.id)} />
              <Policy
                {...about}
                onChange={() => dispatch({ type: 'change', day: b.slotId.slice(0, 10) })}
                onCancel={() => dispatch({ type: 'cancel', key: newIdempotencyKey() })}
              />
            </>
          ) : null}
        </>
      )}
      <p className="teppan-sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

interface ViewProps {
  view: ManageView;
  catalog: Catalog;
  t: Translate<ManageMessages>;
  locale: Locale;
}

/** What the visitor's last change did (or, for a booking cancelled before, when). */
function Outcome({ view, model, catalog, t, locale }: ViewProps & { model: ManageModel }) {
  const b = view.booking;
  const money = (cents: number) => formatMoney(cents, b.currency, locale.tag);
  const outcome = model.step === 'view' ? model.outcome : undefined;
  if (outcome?.kind === 'moved') {
    return (
      <div className="teppan-manage__outcome" role="status">
        <p>{t('moved.text', { date: longDate(b.slotId.slice(0, 10), locale.tag), time: formatTime(b.start, catalog.timeZone, locale.tag) })}</p>
        {outcome.before.totalCents !== b.totalCents ? <p>{t('moved.price', { total: money(b.totalCents), due: money(b.balanceDueCents ?? 0) })}</p> : null}
      </div>
    );
  }
  if (outcome?.kind === 'cancelled') {
    return (
      <div className="teppan-manage__outcome">
        <p>{outcome.refundCents > 0 ? t('cancelled.refunded', { amount: money(outcome.refundCents) }) : t('cancelled.notRefunded')}</p>
      </div>
    );
  }
  if (b.status === 'cancelled' && b.cancelledAt) {
    return <p className="teppan-manage__note">{t('cancelled.when', { date: deadline(b.cancelledAt, catalog, locale) })}</p>;
  }
  return null;
}

/** The policy as it applies now, and the changes it allows; what it no longer allows is said, with why, instead of a button. */
function Policy({ view, catalog, t, locale, onChange, onCancel }: ViewProps & { onChange: () => void; onCancel: () => void }) {
  const when = (iso: string) => deadline(iso, catalog, locale);
  return (
    <div className="teppan-manage__policy">
      <h3 className="teppan-manage__subheading">{t('policy.heading')}</h3>
      <p>
        {view.canReschedule
          ? t('policy.reschedule', { deadline: when(view.policy.rescheduleUntil) })
          : t('policy.tooLateToReschedule', { deadline: when(view.policy.rescheduleUntil) })}{' '}
        {view.canCancel ? t('policy.refund', { deadline: when(view.policy.refundUntil) }) : t('policy.tooLateToCancel')}
      </p>
      <div className="teppan-manage__actions teppan-manage__actions--start">
        {view.canReschedule ? <Button onClick={onChange}>{t('change')}</Button> : null}
        {view.canCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
