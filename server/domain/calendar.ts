import type { Catalog } from '../../src/contract';
import { formatMoney } from '../../src/core/money';
import { toZonedIso, zoneOffsetMs } from '../../src/core/schedule';
import { mailWords } from '../mail/words';
import type { StoredBooking } from '../store/types';

/**
 * A booking as an iCalendar file (RFC 5545): the event at its local time in
 * the tenant's zone, with that zone's rules spelled out (VTIMEZONE), so any
 * calendar shows it right wherever the visitor's device is.
 */

const HOUR = 3_600_000;

/** `20270314T180000` (local wall time) from a zoned ISO string. */
const local = (zonedIso: string) => zonedIso.slice(0, 19).replace(/[-:]/g, '');
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

function offset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

interface Transition {
  /** The instant the new offset starts. */
  at: number;
  fromMin: number;
  toMin: number;
}

/** The zone's offset changes from the start of `fromYear` to the end of `toYear`, to the minute. */
export function zoneTransitions(timeZone: string, fromYear: number, toYear: number): Transition[] {
  const offsetMin = (t: number) => Math.round(zoneOffsetMs(t, timeZone) / 60_000);
  const found: Transition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  for (let t = Date.UTC(fromYear, 0, 1); t < end; t += 24 * HOUR) {
    const [a, b] = [offsetMin(t), offsetMin(t + 24 * HOUR)];
    if (a === b) continue;
    // Narrow the day down to the minute the offset changes.
    let [lo, hi] = [t, t + 24 * HOUR];
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMin(mid) === a) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, fromMin: a, toMin: b });
  }
  return found;
}

function vtimezone(timeZone: string, year: number): string[] {
  // The year before too: an event in January is in the observance that began the previous autumn.
  const changes = zoneTransitions(timeZone, year - 1, year);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (changes.length === 0) {
    const fixed = offset(Math.round(zoneOffsetMs(Date.UTC(year, 0, 1), timeZone) / 60_000));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${fixed}`, `TZOFFSETTO:${fixed}`, 'END:STANDARD');
  }
  for (const c of changes) {
    const kind = c.toMin > c.fromMin ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is the wall-clock time of the change in the offset it ends.
    const wall = new Date(c.at + c.fromMin * 60_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
    lines.push(`BEGIN:${kind}`, `DTSTART:${wall}`, `TZOFFSETFROM:${offset(c.fromMin)}`, `TZOFFSETTO:${offset(c.toMin)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** TEXT values escape backslashes, semicolons, commas and newlines. */
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** When a booking's event ends (epoch ms): its start plus the catalog's event length. */
export const eventEnd = (booking: Pick<StoredBooking, 'start'>, catalog: Catalog) => booking.start + catalog.booking.eventMinutes * 60_000;

/**
 * The booking's event as a calendar file, its words (title, description) in
 * the booking's language from the mail's catalog. Its `UID` is the booking's for
 * life, and `SEQUENCE` counts the versions a calendar has been sent: one more
 * on every reschedule, and one more for the cancellation, so a calendar that
 * imports the newer file replaces the older event. `CANCEL` is the file a
 * cancellation sends (iTIP's method), which removes the event.
 */
export function bookingCalendar(booking: StoredBooking, catalog: Catalog, now: number, method: 'PUBLISH' | 'CANCEL' = 'PUBLISH'): string {
  const tz = catalog.timeZone;
  const start = toZonedIso(booking.start, tz);
  const end = toZonedIso(eventEnd(booking, catalog), tz);
  // In the customer's language, as the mail it comes with (and the same words for the same things).
  const { t, tag } = mailWords(booking.locale);
  const money = (cents: number) => formatMoney(cents, booking.currency, tag);
  const cancelled = booking.status === 'cancelled';
  const paid = booking.status === 'confirmed';
  const due = booking.totalCents - (paid ? booking.depositCents : 0);
  const description = [
    t('calendar.guests', { count: booking.guests, reference: booking.id }),
    cancelled
      ? t('calendar.cancelled')
      : paid
        ? t('calendar.paid', { deposit: money(booking.depositCents), due: money(due) })
        : t('calendar.unpaid', { deposit: money(booking.depositCents) }),
    t('calendar.total', { total: money(booking.totalCents) }),
  ].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Teppan//Bookings//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...vtimezone(tz, Number(start.slice(0, 4))),
    'BEGIN:VEVENT',
    `UID:${booking.id}@teppan`,
    `SEQUENCE:${(booking.reschedules ?? 0) + (cancelled ? 1 : 0)}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART;TZID=${tz}:${local(start)}`,
    `DTEND;TZID=${tz}:${local(end)}`,
    `SUMMARY:${text(t('calendar.summary', { caterer: catalog.name }))}`,
    `LOCATION:${text(`${booking.address.line1}, ${booking.address.city} ${booking.address.zip}`)}`,
    `DESCRIPTION:${text(description)}`,
    `STATUS:${cancelled ? 'CANCELLED' : paid ? 'CONFIRMED' : 'TENTATIVE'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
