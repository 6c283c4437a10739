import { describe, expect, it } from 'vitest';
import { bookableDates, eventDateProblem, isSeatingBookable, parseSlotId, toZonedIso, zonedInstant } from './schedule';

const LA = 'America/Los_Angeles';
const rules = {
  timeZone: LA,
  booking: { leadTimeHours: 48, horizonDays: 180, holdMinutes: 15, eventMinutes: 120, seatings: ['12:00', '15:00', '18:00', '20:30'], teamsPerSeating: 3 },
};

describe('zoned time', () => {
  it('places local times on both sides of a DST change', () => {
    expect(new Date(zonedInstant('2027-01-15', '18:00', LA)).toISOString()).toBe('2027-01-16T02:00:00.000Z');
    expect(new Date(zonedInstant('2027-07-15', '18:00', LA)).toISOString()).toBe('2027-07-16T01:00:00.000Z');
    // 14 March 2027 is the spring-forward day; noon is already on PDT.
    expect(toZonedIso(zonedInstant('2027-03-14', '12:00', LA), LA)).toBe('2027-03-14T12:00:00-07:00');
    expect(toZonedIso(zonedInstant('2027-11-07', '20:30', LA), LA)).toBe('2027-11-07T20:30:00-08:00');
  });
});

describe('bookable window', () => {
  const now = Date.parse('2027-01-10T20:00:00Z'); // 12:00 in Los Angeles, 10 January

  it('needs 48 hours’ notice, seating by seating', () => {
    expect(isSeatingBookable(rules, '2027-01-12', '12:00', now)).toBe(true);
    expect(isSeatingBookable(rules, '2027-01-12', '11:59', now)).toBe(false);
    expect(bookableDates(rules, now)).toEqual({ first: '2027-01-12', last: '2027-07-09' });
  });

  it('explains dates outside the window', () => {
    expect(eventDateProblem(rules, '2027-01-11', now)).toBe('Choose Tuesday, January 12, 2027 or later: we need 48 hours’ notice.');
    expect(eventDateProblem(rules, '2027-07-10', now)).toMatch(/Friday, July 9, 2027 or earlier/);
    expect(eventDateProblem(rules, '2027-03-01', now)).toBeUndefined();
  });
});

describe('slot ids', () => {
  it('name real days and times only: an impossible date never rolls over to another day', () => {
    expect(parseSlotId('2027-03-03T18:00')).toEqual({ date: '2027-03-03', time: '18:00' });
    expect(parseSlotId('2028-02-29T12:00')).toEqual({ date: '2028-02-29', time: '12:00' });
    for (const id of ['2027-02-31T18:00', '2027-02-29T18:00', '2027-04-31T12:00', '2027-13-01T12:00', '2027-03-03T24:00', '2027-03-03T18:60']) {
      expect(parseSlotId(id)).toBeUndefined();
    }
  });
});
