import type { Catalog } from '../contract';

/**
 * Calendar arithmetic in the tenant's time zone with nothing but Intl, so the
 * browser and the server agree on what "18:00 on 14 March in Los Angeles" is.
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(instant: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormat(timeZone).formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** The zone's offset from UTC at an instant, in milliseconds (e.g. -8 h for Los Angeles in winter). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a local date and `HH:MM` time happen in a zone. */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let instant = wall - zoneOffsetMs(wall, timeZone);
  // Once more, for times near a DST change where the first guess used the other offset.
  instant = wall - zoneOffsetMs(instant, timeZone);
  return instant;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** ISO 8601 with the zone's offset: `2027-03-14T18:00:00-07:00`. */
export function toZonedIso(instant: number, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const offsetMin = Math.round(zoneOffsetMs(instant, timeZone) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.trunc(offsetMin / 60))}:${pad(offsetMin % 60)}`;
}

/** Today's date in a zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: number): string {
  const w = wallClock(now, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

type BookingRules = Pick<Catalog, 'timeZone' | 'booking'>;

/** Whether a seating can still be booked: at least the lead time ahead, within the horizon. */
export function isSeatingBookable(rules: BookingRules, date: string, time: string, now: number): boolean {
  const start = zonedInstant(date, time, rules.timeZone);
  if (start < now + rules.booking.leadTimeHours * 3_600_000) return false;
  return daysBetween(todayIn(rules.timeZone, now), date) <= rules.booking.horizonDays;
}

/** 24 h of a day, 12 h of the westernmost zone, and an hour to spare. */
const LATEST_START_AFTER_UTC_MIDNIGHT = 37 * 3_600_000;

/** First and last dates with a bookable seating. */
export function bookableDates(rules: BookingRules, now: number): { first: string; last: string } {
  const today = todayIn(rules.timeZone, now);
  const last = addDays(today, rules.booking.horizonDays);
  const earliest = now + rules.booking.leadTimeHours * 3_600_000;
  let first = today;
  // Every seating of a date starts before its 24:00 at UTC−12, the westernmost offset, so before midnight
  // UTC + 36 h: a date whose bound is under the lead time is skipped without asking Intl, three
  // formatToParts per seating (~25 ms of a first render on a slow phone with 48 hours' notice).
  while (first <= last && Date.parse(`${first}T00:00:00Z`) + LATEST_START_AFTER_UTC_MIDNIGHT < earliest) first = addDays(first, 1);
  while (first <= last && !rules.booking.seatings.some((t) => isSeatingBookable(rules, first, t, now))) {
    first = addDays(first, 1);
  }
  return { first, last };
}

/** Why a date cannot be booked, as a sentence, or `undefined` when it can. */
export function eventDateProblem(rules: BookingRules, date: string, now: number): string | undefined {
  const issue = eventDateIssue(rules, date, now);
  if (issue?.code === 'date-too-early') return `Choose ${longDate(issue.params.date)} or later: we need ${issue.params.hours} hours’ notice.`;
  if (issue?.code === 'date-too-late') return `Choose ${longDate(issue.params.date)} or earlier: we take bookings up to ${issue.params.days} days ahead.`;
  return undefined;
}

export type EventDateIssue =
  | { code: 'date-too-early'; params: { date: string; hours: number } }
  | { code: 'date-too-late'; params: { date: string; days: number } };

/** Why `date` cannot be booked, as a code and the figures to word it with (`date` is the first or last bookable day). */
export function eventDateIssue(rules: BookingRules, date: string, now: number): EventDateIssue | undefined {
  const { first, last } = bookableDates(rules, now);
  if (date < first) return { code: 'date-too-early', params: { date: first, hours: rules.booking.leadTimeHours } };
  if (date > last) return { code: 'date-too-late', params: { date: last, days: rules.booking.horizonDays } };
  return undefined;
}

/** `2027-03-14` → "Sunday, March 14, 2027" (the calendar date itself, in no zone). */
export function longDate(date: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
}

/** A seating's start as the tenant's wall-clock time: "6:00 PM" (en-US). */
export function formatTime(instant: string | number, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(instant));
}

/** The first day of `date`'s month and the last, `YYYY-MM-DD`. */
export function monthOf(date: string): { first: string; last: string } {
  const first = `${date.slice(0, 7)}-01`;
  const last = addDays(addMonths(first, 1), -1);
  return { first, last };
}

/** Same day-of-month `n` months on, clamped to the month's end; on first days it is exact. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const SLOT_ID = /^(\d{4}-\d{2}-\d{2})T(([01]\d|2[0-3]):[0-5]\d)$/;

/** Whether `YYYY-MM-DD` names a day that exists: `2027-02-31` does not (Date would roll it over to 3 March). */
export function isRealDate(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}

/**
 * A seating's id, `YYYY-MM-DDTHH:MM` in the tenant's zone, as its date and
 * time; `undefined` unless both exist, so an impossible date can never be
 * counted apart from the real day it rolls over to.
 */
export function parseSlotId(id: string): { date: string; time: string } | undefined {
  const m = SLOT_ID.exec(id);
  return m && isRealDate(m[1] as string) ? { date: m[1] as string, time: m[2] as string } : undefined;
}
