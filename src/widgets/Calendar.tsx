import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import type { AvailabilityDay } from '../contract';
import { addDays, addMonths, longDate, monthOf, type Translate, weekday } from '../core';
import type { SeatingMessages } from './seatingMessages';

export interface CalendarProps {
  /** First day of the month on show. */
  month: string;
  onMonthChange: (month: string) => void;
  /** Bookable range; months outside it cannot be reached. */
  first: string;
  last: string;
  days: ReadonlyMap<string, AvailabilityDay>;
  selected: string | null;
  /** The day keyboard focus sits on (roving tabindex). */
  focused: string;
  onFocusedChange: (day: string) => void;
  onSelect: (day: string) => void;
  /** `days` belongs to another month while this one loads. */
  busy: boolean;
  t: Translate<SeatingMessages>;
  locale: string | undefined;
}

type DayState = 'free' | 'full' | 'closed' | 'checking';

function stateOf(day: AvailabilityDay | undefined, busy: boolean): DayState {
  // A month still loading: its days are not closed, just not known yet.
  if (!day) return busy ? 'checking' : 'closed';
  if (day.slots.length === 0) return 'closed';
  return day.slots.some((s) => s.remaining > 0) ? 'free' : 'full';
}

function dayDescription(t: Translate<SeatingMessages>, state: DayState, free: number): string {
  return state === 'free' ? t('calendar.free', { count: free }) : t(`calendar.${state}`);
}

const MOVES: Record<string, (d: string) => string> = {
  ArrowLeft: (d) => addDays(d, -1),
  ArrowRight: (d) => addDays(d, 1),
  ArrowUp: (d) => addDays(d, -7),
  ArrowDown: (d) => addDays(d, 7),
  Home: (d) => addDays(d, -weekday(d)),
  End: (d) => addDays(d, 6 - weekday(d)),
  PageUp: (d) => addMonths(d, -1),
  PageDown: (d) => addMonths(d, 1),
};

/** Right to left, the week runs from right to left on screen: the arrows keep to what the visitor sees. */
const MIRRORED: Record<string, string> = { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft' };

/**
 * A month of days: one tab stop, arrow keys move by day and week (Left and
 * Right to the cell on that side, also right to left), Home/End to the week's
 * first and last days, Page Up/Down by month, Enter or Space picks. Each
 * day's name says how many seatings are free.
 */
export function Calendar(p: CalendarProps) {
  const headingId = useId();
  const grid = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const { first: monthStart, last: monthEnd } = monthOf(p.month);
  const canPrev = monthStart > p.first;
  const canNext = monthEnd < p.last;

  // Focus follows the keyboard only after a key press, never on first render.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${p.focused}"]`)?.focus();
  }, [p.focused]);

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    // The direction the grid is laid out in, wherever it is set (a host's dir, inside the embed's shadow root too).
    const key = getComputedStyle(e.currentTarget).direction === 'rtl' ? (MIRRORED[e.key] ?? e.key) : e.key;
    const move = MOVES[key];
    if (!move) return;
    e.preventDefault();
    let next = move(p.focused);
    if (next < p.first) next = p.first;
    if (next > p.last) next = p.last;
    moved.current = true;
    p.onFocusedChange(next);
    if (next < monthStart || next > monthEnd) p.onMonthChange(monthOf(next).first);
  }

  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array.from({ length: weekday(monthStart) }, () => null);
  for (let d = monthStart; d <= monthEnd; d = addDays(d, 1)) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);

  const monthName = new Intl.DateTimeFormat(p.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${monthStart}T00:00:00Z`));
  const weekdayNames = Array.from({ length: 7 }, (_, i) => {
    const sunday = Date.UTC(2023, 0, 1 + i);
    const fmt = (style: 'long' | 'narrow') => new Intl.DateTimeFormat(p.locale, { weekday: style, timeZone: 'UTC' }).format(sunday);
    return { long: fmt('long'), narrow: fmt('narrow') };
  });

  return (
    <div className="teppan-calendar">
      <div className="teppan-calendar__header">
        <button
          type="button"
          className="teppan-calendar__nav"
          onClick={() => p.onMonthChange(addMonths(monthStart, -1))}
          disabled={!canPrev}
          aria-label={p.t('calendar.previous')}
        >
          ‹
        </button>
        <h4 className="teppan-calendar__month" id={headingId} aria-live="polite">
          {monthName}
        </h4>
        <button
          type="button"
          className="teppan-calendar__nav"
          onClick={() => p.onMonthChange(addMonths(monthStart, 1))}
          disabled={!canNext}
          aria-label={p.t('calendar.next')}
        >
          ›
        </button>
      </div>
      {/* A table, not an ARIA grid: screen readers get its rows and columns, keyboards get arrow keys. */}
      <table className="teppan-calendar__grid" aria-labelledby={headingId} aria-busy={p.busy || undefined} ref={grid} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {weekdayNames.map((w) => (
              <th key={w.long} scope="col" abbr={w.long}>
                {w.narrow}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((days) => (
            <tr key={days.find(Boolean) ?? 'blank'}>
              {days.map((d, i) => {
                // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have no identity but their place.
                if (!d) return <td key={`blank-${i}`} />;
                const info = p.days.get(d);
                const state = stateOf(info, p.busy);
                const free = info?.slots.filter((s) => s.remaining > 0).length ?? 0;
                return (
                  <td key={d}>
                    <button
                      type="button"
                      data-day={d}
                      className={`teppan-calendar__day teppan-calendar__day--${state}`}
                      tabIndex={d === p.focused ? 0 : -1}
                      aria-label={p.t('calendar.day', { date: longDate(d, p.locale), state: dayDescription(p.t, state, free) })}
                      aria-pressed={p.selected === d}
                      aria-disabled={state === 'closed' || undefined}
                      onClick={() => {
                        p.onFocusedChange(d);
                        if (state !== 'closed') p.onSelect(d);
                      }}
                    >
                      {Number(d.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
