/** An event as the calendar services' "add event" links take it: plain text, instants in epoch ms. */
export interface CalendarEvent {
  title: string;
  details: string;
  location: string;
  start: number;
  end: number;
}

/** `20270314T010000Z`: the UTC form Google's `dates` takes. */
const compactUtc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Google Calendar's prefilled "new event" page (its documented TEMPLATE link). */
export function googleCalendarUrl(e: CalendarEvent): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.search = new URLSearchParams({
    action: 'TEMPLATE',
    text: e.title,
    dates: `${compactUtc(e.start)}/${compactUtc(e.end)}`,
    details: e.details,
    location: e.location,
  }).toString();
  return url.toString();
}

/** Outlook on the web's prefilled "new event" page (its compose deep link); instants in ISO 8601 UTC. */
export function outlookCalendarUrl(e: CalendarEvent): string {
  const url = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  url.search = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: e.title,
    startdt: new Date(e.start).toISOString(),
    enddt: new Date(e.end).toISOString(),
    body: e.details,
    location: e.location,
  }).toString();
  return url.toString();
}
