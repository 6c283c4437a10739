import type { Catalog, Quote } from '../../../contract';
import { formatMoney, formatTime, longDate } from '../../../core';
import { LineItems } from '../../../ui';
import type { BookingDraft } from '../draft';

export interface ReviewStepProps {
  catalog: Catalog;
  quote: Quote;
  draft: BookingDraft;
  slotStart: string | undefined;
  locale: string | undefined;
  onEdit: (step: 0 | 1 | 2) => void;
}

/** Everything that will be sent, with a way back to each part. */
export function ReviewStep({ catalog, quote, draft, slotStart, locale, onEdit }: ReviewStepProps) {
  const money = (cents: number) => formatMoney(cents, quote.currency, locale);
  const when = draft.slotId && slotStart ? `${longDate(draft.slotId.slice(0, 10), locale)} at ${formatTime(slotStart, catalog.timeZone, locale)}` : '';
  return (
    <div className="teppan-review">
      <dl className="teppan-review__facts">
        <div>
          <dt>Seating</dt>
          <dd>
            {when}{' '}
            <button type="button" className="teppan-link" onClick={() => onEdit(0)}>
              Change seating
            </button>
          </dd>
        </div>
        <div>
          <dt>Event address</dt>
          <dd>
            {draft.address.line1}, {draft.address.city} {draft.address.zip}
            {draft.notes ? <span className="teppan-review__notes">Notes: {draft.notes}</span> : null}{' '}
            <button type="button" className="teppan-link" onClick={() => onEdit(1)}>
              Change address
            </button>
          </dd>
        </div>
        <div>
          <dt>Contact</dt>
          <dd>
            {draft.customer.name}, {draft.customer.email}, {draft.customer.phone}{' '}
            <button type="button" className="teppan-link" onClick={() => onEdit(2)}>
              Change contact details
            </button>
          </dd>
        </div>
      </dl>
      <LineItems
        caption="Your quote"
        lines={quote.lines.map((l) => ({ label: l.label, amount: money(l.amountCents) }))}
        total={{ label: 'Total', amount: money(quote.totalCents) }}
      />
      <p className="teppan-review__deposit">
        Booking holds your seating for {catalog.booking.holdMinutes} minutes while you pay the {money(quote.depositCents)} deposit.
      </p>
    </div>
  );
}
