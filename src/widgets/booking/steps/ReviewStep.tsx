import type { Catalog, Quote } from '../../../contract';
import { formatMoney, formatTime, longDate, parseSlotId, zonedInstant } from '../../../core';
import { LineItems } from '../../../ui';
import type { BookingDraft } from '../draft';

export interface ReviewStepProps {
  catalog: Catalog;
  quote: Quote;
  draft: BookingDraft;
  locale: string | undefined;
  onEdit: (step: 0 | 1 | 2) => void;
}

/** Everything that will be sent, with a way back to each part. */
export function ReviewStep({ catalog, quote, draft, locale, onEdit }: ReviewStepProps) {
  const money = (cents: number) => formatMoney(cents, quote.currency, locale);
  // From the id alone: after a reload no availability is cached, and none is needed.
  const slot = draft.slotId ? parseSlotId(draft.slotId) : undefined;
  const when = slot ? `${longDate(slot.date, locale)} at ${formatTime(zonedInstant(slot.date, slot.time, catalog.timeZone), catalog.timeZone, locale)}` : '';
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
