import type { Catalog, ManageView } from '../../contract';
import { formatMoney, formatTime, type Locale, longDate, type Translate } from '../../core';
import { type CalendarEvent, googleCalendarUrl, outlookCalendarUrl } from './calendarLinks';
import type { ManageMessages } from './messages/en';

interface FactsProps {
  view: ManageView;
  catalog: Catalog;
  t: Translate<ManageMessages>;
  locale: Locale;
}

/** The booking as it stands: when (in the business's time zone), where, for how many, what was paid and what is due. */
export function BookingFacts({ view, catalog, t, locale }: FactsProps) {
  const { booking: b, address } = view;
  const money = (cents: number) => formatMoney(cents, b.currency, locale.tag);
  // A cancelled booking's deposit was paid too (what came back is said above it).
  const paid = b.paymentId ? b.depositCents : 0;
  const facts: [term: string, value: string, className?: string][] = [
    [t('fact.date'), longDate(b.slotId.slice(0, 10), locale.tag)],
    [t('fact.time'), formatTime(b.start, catalog.timeZone, locale.tag)],
    [t('fact.guests'), t('guests', { count: b.guests })],
    [t('fact.address'), `${address.line1}, ${address.city} ${address.zip}`],
    [t('fact.total'), money(b.totalCents)],
    [t('fact.paid'), money(paid)],
    ...(b.status === 'confirmed' ? [[t('fact.due'), money(b.balanceDueCents ?? b.totalCents - paid)] as [string, string]] : []),
    [t('fact.reference'), b.id, 'teppan-manage__reference'],
  ];
  return (
    <dl className="teppan-manage__facts">
      {facts.map(([term, value, className]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd className={className}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface CalendarProps extends FactsProps {
  /** The `.ics` download (the API's, with the publishable key). */
  icsUrl: string;
}

/** The event for the visitor's calendar: the `.ics` file, or Google's and Outlook's "new event" pages filled in. */
export function AddToCalendar({ view, catalog, t, icsUrl }: CalendarProps) {
  const { booking: b, address } = view;
  const start = Date.parse(b.start);
  const event: CalendarEvent = {
    title: t('addToCalendar.title', { business: catalog.name }),
    details: t('addToCalendar.details', { guests: t('guests', { count: b.guests }), reference: b.id }),
    location: `${address.line1}, ${address.city} ${address.zip}`,
    start,
    end: start + catalog.booking.eventMinutes * 60_000,
  };
  const links: [label: string, href: string, own: boolean][] = [
    [t('addToCalendar.ics'), icsUrl, true],
    [t('addToCalendar.google'), googleCalendarUrl(event), false],
    [t('addToCalendar.outlook'), outlookCalendarUrl(event), false],
  ];
  return (
    // A heading, not a landmark: the host page owns the landmarks (see WidgetFrame).
    <div className="teppan-manage__calendar">
      <h3 className="teppan-manage__subheading">{t('addToCalendar.heading')}</h3>
      <ul className="teppan-manage__links">
        {links.map(([label, href, own]) => (
          <li key={label}>
            <a
              className="teppan-button teppan-button--secondary"
              href={href}
              part="button button-secondary"
              // The file downloads; the services' pages open beside this one, told nothing of it (the link carries the token).
              {...(own ? { download: true } : { target: '_blank', rel: 'noopener noreferrer' })}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
