import { useId, useMemo, useState } from 'react';
import type { AvailabilityDay, Catalog, Quote } from '../../../contract';
import { bookableDates, formatTime, longDate, monthOf } from '../../../core';
import { useAvailability } from '../../../query';
import { ErrorNotice, Skeleton } from '../../../ui';
import type { BookingDraft } from '../draft';
import { Calendar } from './Calendar';

export interface SeatingStepProps {
  catalog: Catalog;
  quote: Quote;
  draft: BookingDraft;
  update: (change: Partial<BookingDraft>) => void;
  error: string | undefined;
  locale: string | undefined;
}

/** Pick a day in a month of availability for the party's size, then one of its seatings. */
export function SeatingStep({ catalog, quote, draft, update, error, locale }: SeatingStepProps) {
  const window_ = useMemo(() => bookableDates(catalog, Date.now()), [catalog]);
  const initialDay = draft.day ?? (quote.eventDate >= window_.first && quote.eventDate <= window_.last ? quote.eventDate : window_.first);
  const [month, setMonth] = useState(() => monthOf(initialDay).first);
  const [focused, setFocused] = useState(initialDay);
  const range = monthOf(month);
  const guests = quote.adults + quote.children;
  // A month that began before the first bookable day is asked for from that day (the past is refused).
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers.
  const from = range.first < window_.first ? window_.first : range.first;
  const availability = useAvailability({ from, to: range.last, guests });
  const days = useMemo(() => new Map((availability.data?.days ?? []).map((d) => [d.date, d] as const)), [availability.data]);
  // The quote's own date is where most visitors want to be: start there.
  const selectedDay = draft.day ?? initialDay;
  const groupId = useId();
  const errorId = useId();

  return (
    <div className="teppan-seating-step">
      {availability.error ? (
        <ErrorNotice error={availability.error} onRetry={() => void availability.refetch()} />
      ) : !availability.data ? (
        <Skeleton height="19em" label="Loading free seatings" />
      ) : (
        <Calendar
          month={month}
          onMonthChange={setMonth}
          first={window_.first}
          last={window_.last}
          days={days}
          selected={selectedDay}
          focused={focused}
          onFocusedChange={setFocused}
          onSelect={(day) => update({ day, slotId: draft.slotId?.startsWith(day) ? draft.slotId : null })}
          busy={availability.isPlaceholderData}
          locale={locale}
        />
      )}
      {selectedDay && availability.data && availability.isPlaceholderData && !days.has(selectedDay) ? (
        <p className="teppan-field__hint" role="status">
          Checking seatings…
        </p>
      ) : selectedDay && availability.data ? (
        <Seatings
          day={days.get(selectedDay)}
          date={selectedDay}
          catalog={catalog}
          chosen={draft.slotId}
          onChoose={(slotId) => update({ slotId })}
          groupId={groupId}
          errorId={errorId}
          error={error}
          locale={locale}
        />
      ) : (
        <p className="teppan-field__error" id={errorId} aria-live="polite">
          {error ? 'Choose a day, then a seating.' : ''}
        </p>
      )}
    </div>
  );
}

interface SeatingsProps {
  day: AvailabilityDay | undefined;
  date: string;
  catalog: Catalog;
  chosen: string | null;
  onChoose: (slotId: string) => void;
  groupId: string;
  errorId: string;
  error: string | undefined;
  locale: string | undefined;
}

/** The day's seatings as radios named by their start time; full ones stay listed, unavailable. */
function Seatings({ day, date, catalog, chosen, onChoose, groupId, errorId, error, locale }: SeatingsProps) {
  const slots = day?.slots ?? [];
  return (
    <fieldset className="teppan-group teppan-seatings" aria-describedby={errorId}>
      <legend>Seatings on {longDate(date, locale)}</legend>
      {slots.length === 0 ? <p className="teppan-field__hint">No seatings can be booked on this day. Choose another day.</p> : null}
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
                {full ? 'Full' : slot.remaining === 1 ? 'Last chef team' : `${slot.remaining} chef teams free`}
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
