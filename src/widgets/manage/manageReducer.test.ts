import { describe, expect, it } from 'vitest';
import { googleCalendarUrl, outlookCalendarUrl } from './calendarLinks';
import { initialManage, type ManageModel, manageReducer } from './manageReducer';

const choosing: ManageModel = { step: 'choose', day: '2027-03-14', slotId: null };

describe('the manage link’s steps', () => {
  it('a change is reviewed only once a seating other than the booking’s own is chosen, with the key made for that review', () => {
    expect(manageReducer(choosing, { type: 'review', current: '2027-03-14T18:00', key: 'k1' })).toMatchObject({ step: 'choose', problem: 'none-chosen' });
    const same = manageReducer(choosing, { type: 'pick', slotId: '2027-03-14T18:00' });
    expect(manageReducer(same, { type: 'review', current: '2027-03-14T18:00', key: 'k1' })).toMatchObject({ step: 'choose', problem: 'same-seating' });
    const other = manageReducer(same, { type: 'pick', slotId: '2027-03-14T15:00' });
    expect(manageReducer(other, { type: 'review', current: '2027-03-14T18:00', key: 'k1' })).toEqual({
      step: 'confirm-move',
      slotId: '2027-03-14T15:00',
      key: 'k1',
    });
  });

  it('a seating that filled meanwhile goes back to that day’s seatings, nothing chosen; back from a review keeps the choice', () => {
    const reviewing: ManageModel = { step: 'confirm-move', slotId: '2027-03-20T12:00', key: 'k1' };
    expect(manageReducer(reviewing, { type: 'seating-full' })).toEqual({ step: 'choose', day: '2027-03-20', slotId: null, problem: 'seating-full' });
    expect(manageReducer(reviewing, { type: 'back' })).toEqual({ step: 'choose', day: '2027-03-20', slotId: '2027-03-20T12:00' });
    expect(manageReducer({ step: 'cancel', reason: 'x', key: 'k2' }, { type: 'back' })).toEqual(initialManage);
  });

  it('a late answer for a step the visitor left changes nothing', () => {
    expect(manageReducer(initialManage, { type: 'seating-full' })).toBe(initialManage);
    expect(manageReducer(initialManage, { type: 'reason', reason: 'x' })).toBe(initialManage);
    expect(manageReducer(initialManage, { type: 'pick', slotId: '2027-03-14T15:00' })).toBe(initialManage);
  });
});

describe('calendar links', () => {
  const event = {
    title: 'Hibachi party',
    details: '12 guests.',
    location: '1 Sakura Way, Los Angeles 90012',
    start: Date.UTC(2027, 2, 15, 1),
    end: Date.UTC(2027, 2, 15, 3),
  };

  it('Google’s: the TEMPLATE link with UTC dates', () => {
    const url = new URL(googleCalendarUrl(event));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: 'Hibachi party',
      dates: '20270315T010000Z/20270315T030000Z',
      details: '12 guests.',
      location: '1 Sakura Way, Los Angeles 90012',
    });
  });

  it('Outlook’s: the compose deep link with ISO instants', () => {
    const url = new URL(outlookCalendarUrl(event));
    expect(url.searchParams.get('rru')).toBe('addevent');
    expect(url.searchParams.get('startdt')).toBe('2027-03-15T01:00:00.000Z');
    expect(url.searchParams.get('enddt')).toBe('2027-03-15T03:00:00.000Z');
    expect(url.searchParams.get('subject')).toBe('Hibachi party');
  });
});
