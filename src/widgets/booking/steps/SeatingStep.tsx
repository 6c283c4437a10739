import { useId, useMemo, useState } from 'react';
import type { AvailabilityDay, Catalog, Quote } from '../../../contract';
import { bookableDates, formatTime, longDate, monthOf, zonedInstant } from '../../../core';
import { useAvailability } from '../../../query';
import { ErrorNotice } from '../../../ui';
import { failureWords } from '../../messages/words';
import type { BookingDraft } from '../draft';
import type { BookingWords } from '../messages/en';
import { Calendar } from './Calendar';

export interface SeatingStepProps {
  words: BookingWords;
  catalog: Catalog;
  quote: Quote;
  draft: BookingDraft;
  update: (change: Partial<BookingDraft>) => void;
  error: string | undefined;
}

/** Pick a day in a month of availability for the party's size, then one of its seatings. */
export function SeatingStep({ words, catalog, quote, draft, update, error }: SeatingStepProps) {
  const { t } = words;
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
        <ErrorNotice
          error={{ userMessage: failureWords(words, availability.error), retryable: availability.error.retryable }}
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
          onSelect={(day) => update({ day, slotId: draft.slotId?.startsWith(day) ? draft.slotId : null })}
          busy={!availability.data || availability.isPlaceholderData}
          words={words}
        />
      )}
      {selectedDay && !availability.data && !availability.error ? (
        <SeatingsPlaceholder date={selectedDay} catalog={catalog} words={words} />
      ) : selectedDay && availability.data && availability.isPlaceholderData && !days.has(selectedDay) ? (
        <p className="teppan-field__hint" role="status">
          {t('checkingSeatings')}
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
          words={words}
        />
      ) : (
        <p className="teppan-field__error" id={errorId} aria-live="polite">
          {error ? t('chooseDay') : ''}
        </p>
      )}
    </div>
  );
}

/**
 * The day's seatings while the first month of availability loads: their place and shape, for the eye only, so the
 * step is its final size at once (the calendar says it is checking); the radios come with the availability.
 */
function SeatingsPlaceholder({ date, catalog, words }: { date: string; catalog: Catalog; words: BookingWords }) {
  const locale = words.locale.tag;
  return (
    <fieldset className="teppan-group teppan-seatings" aria-hidden="true">
      <legend>{words.t('seatingsOn', { date: longDate(date, locale) })}</legend>
      <div className="teppan-seatings__list">
        {catalog.booking.seatings.map((time) => (
          <div key={time} className="teppan-seating">
            <span className="teppan-seating__box" />
            <span className="teppan-seating__time">{formatTime(zonedInstant(date, time, catalog.timeZone), catalog.timeZone, locale)}</span>
            <span className="teppan-seating__note">{words.t('checkingSeating')}</span>
          </div>
        ))}
      </div>
      <p className="teppan-field__error" />
    </fieldset>
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
  words: BookingWords;
}

/** The day's seatings as radios named by their start time; full ones stay listed, unavailable. */
function Seatings({ day, date, catalog, chosen, onChoose, groupId, errorId, error, words }: SeatingsProps) {
  const { t } = words;
  const locale = words.locale.tag;
  const slots = day?.slots ?? [];
  return (
    <fieldset className="teppan-group teppan-seatings" aria-describedby={errorId}>
      <legend>{t('seatingsOn', { date: longDate(date, locale) })}</legend>
      {slots.length === 0 ? <p className="teppan-field__hint">{t('noSeatings')}</p> : null}
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
                {full ? t('seating.full') : t('seating.free', { count: slot.remaining })}
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
