import { useId, useMemo, useState } from 'react';
import type { AvailabilityDay, Catalog } from '../contract';
import { bookableDates, formatTime, longDate, monthOf, type Translate, zonedInstant } from '../core';
import { useAvailability } from '../query';
import { ErrorNotice, useStyles } from '../ui';
import { Calendar } from './Calendar';
import { type FailureMessages, wordFailure } from './failureMessages';
import type { SeatingMessages } from './seatingMessages';
import css from './seatings.css?inline';

export interface SeatingPickerProps {
  catalog: Catalog;
  /** The party's size: a seating is free for it when a chef team is. */
  guests: number;
  /** The day to start on when none is chosen yet (the quote's date, the booking's), if it is bookable. */
  startDay: string;
  /** The chosen day, `YYYY-MM-DD`, and seating (its slot id). */
  day: string | null;
  slotId: string | null;
  onChange: (change: { day?: string; slotId?: string | null }) => void;
  error: string | undefined;
  /**
   * The words of ./seatingMessages.ts and ./failureMessages.ts (availability that did not load) in the widget's
   * language; `locale` formats its dates and times.
   */
  t: Translate<SeatingMessages & FailureMessages>;
  locale: string | undefined;
}

/** Pick a day in a month of availability for the party's size, then one of its seatings (the booking form's first step, the manage link's change of date). */
export function SeatingPicker({ catalog, guests, startDay, day, slotId, onChange, error, t, locale }: SeatingPickerProps) {
  useStyles(css);
  const window_ = useMemo(() => bookableDates(catalog, Date.now()), [catalog]);
  const initialDay = day ?? (startDay >= window_.first && startDay <= window_.last ? startDay : window_.first);
  const [month, setMonth] = useState(() => monthOf(initialDay).first);
  const [focused, setFocused] = useState(initialDay);
  const range = monthOf(month);
  // A month that began before the first bookable day is asked for from that day (the past is refused).
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers.
  const from = range.first < window_.first ? window_.first : range.first;
  const availability = useAvailability({ from, to: range.last, guests });
  const days = useMemo(() => new Map((availability.data?.days ?? []).map((d) => [d.date, d] as const)), [availability.data]);
  // The quote's own date is where most visitors want to be: start there.
  const selectedDay = day ?? initialDay;
  const groupId = useId();
  const errorId = useId();

  return (
    <div className="teppan-seating-step">
      {availability.error ? (
        <ErrorNotice
          error={{ userMessage: wordFailure(t, availability.error), retryable: availability.error.retryable }}
          onRetry={() => void availability.refetch()}
          retryLabel={t('tryAgain')}
        />
      ) : (
        // While the first month loads, the month itself, its days being checked: the step is its final size at once.
        <Calendar
          month={month}
          onMonthChange={setMonth}
          first={window_.first}
          last={window_.last}
          days={days}
          selected={selectedDay}
          focused={focused}
          onFocusedChange={setFocused}
          onSelect={(d) => onChange({ day: d, slotId: slotId?.startsWith(d) ? slotId : null })}
          busy={!availability.data || availability.isPlaceholderData}
          t={t}
          locale={locale}
        />
      )}
      {selectedDay && !availability.data && !availability.error ? (
        <SeatingsPlaceholder date={selectedDay} catalog={catalog} t={t} locale={locale} />
      ) : selectedDay && availability.data && availability.isPlaceholderData && !days.has(selectedDay) ? (
        <p className="teppan-field__hint" role="status">
          {t('seatings.checkingDay')}
        </p>
      ) : selectedDay && availability.data ? (
        <Seatings
          day={days.get(selectedDay)}
          date={selectedDay}
          catalog={catalog}
          chosen={slotId}
          onChoose={(id) => onChange({ slotId: id })}
          groupId={groupId}
          errorId={errorId}
          error={error}
          t={t}
          locale={locale}
        />
      ) : (
        <p className="teppan-field__error" id={errorId} aria-live="polite">
          {error ? t('seatings.chooseDay') : ''}
        </p>
      )}
    </div>
  );
}

interface Words {
  t: Translate<SeatingMessages>;
  locale: string | undefined;
}

/**
 * The day's seatings while the first month of availability loads: their place and shape, for the eye only, so the
 * step is its final size at once (the calendar says it is checking); the radios come with the availability.
 */
function SeatingsPlaceholder({ date, catalog, t, locale }: { date: string; catalog: Catalog } & Words) {
  return (
    <fieldset className="teppan-group teppan-seatings" aria-hidden="true">
      <legend>{t('seatings.legend', { date: longDate(date, locale) })}</legend>
      <div className="teppan-seatings__list">
        {catalog.booking.seatings.map((time) => (
          <div key={time} className="teppan-seating">
            <span className="teppan-seating__box" />
            <span className="teppan-seating__time">{formatTime(zonedInstant(date, time, catalog.timeZone), catalog.timeZone, locale)}</span>
            <span className="teppan-seating__note">{t('seatings.checking')}</span>
          </div>
        ))}
      </div>
      <p className="teppan-field__error" />
    </fieldset>
  );
}

interface SeatingsProps extends Words {
  day: AvailabilityDay | undefined;
  date: string;
  catalog: Catalog;
  chosen: string | null;
  onChoose: (slotId: string) => void;
  groupId: string;
  errorId: string;
  error: string | undefined;
}

/** The day's seatings as radios named by their start time; full ones stay listed, unavailable. */
function Seatings({ day, date, catalog, chosen, onChoose, groupId, errorId, error, t, locale }: SeatingsProps) {
  const slots = day?.slots ?? [];
  return (
    <fieldset className="teppan-group teppan-seatings" aria-describedby={errorId}>
      <legend>{t('seatings.legend', { date: longDate(date, locale) })}</legend>
      {slots.length === 0 ? <p className="teppan-field__hint">{t('seatings.none')}</p> : null}
      <div className="teppan-seatings__list">
        {slots.map((slot) => {
          const id = `${groupId}-${slot.id}`;
          const full = slot.remaining === 0;
          return (
            <div key={slot.id} className={`teppan-seating${full ? ' teppan-seating--full' : ''}`}>
              <input
                type="radio"
                id={id}
                name={groupId}
                value={slot.id}
                checked={chosen === slot.id}
                disabled={full}
                onChange={() => onChoose(slot.id)}
                aria-describedby={`${id}-note`}
              />
              <label htmlFor={id}>{formatTime(slot.start, catalog.timeZone, locale)}</label>
              <span id={`${id}-note`} className="teppan-seating__note">
                {full ? t('seatings.full') : t('seatings.free', { count: slot.remaining })}
              </span>
            </div>
          );
        })}
      </div>
      <p className="teppan-field__error" id={errorId} aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}
