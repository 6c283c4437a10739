import type { Catalog, Quote } from '../../../contract';
import { formatMoney, formatTime, longDate, parseSlotId, zonedInstant } from '../../../core';
import { LineItems } from '../../../ui';
import { lineLabel } from '../../words';
import type { BookingDraft } from '../draft';
import type { BookingWords } from '../messages/en';

export interface ReviewStepProps {
  words: BookingWords;
  catalog: Catalog;
  quote: Quote;
  draft: BookingDraft;
  onEdit: (step: 0 | 1 | 2) => void;
}

/** Everything that will be sent, with a way back to each part. */
export function ReviewStep({ words, catalog, quote, draft, onEdit }: ReviewStepProps) {
  const { t } = words;
  const locale = words.locale.tag;
  const money = (cents: number) => formatMoney(cents, quote.currency, locale);
  // From the id alone: after a reload no availability is cached, and none is needed.
  const slot = draft.slotId ? parseSlotId(draft.slotId) : undefined;
  const when = slot
    ? t('when', { date: longDate(slot.date, locale), time: formatTime(zonedInstant(slot.date, slot.time, catalog.timeZone), catalog.timeZone, locale) })
    : '';
  return (
    <div className="teppan-review">
      <dl className="teppan-review__facts">
        <div>
          <dt>{t('review.seating')}</dt>
          <dd>
            {when}{' '}
            <button type="button" className="teppan-link" onClick={() => onEdit(0)}>
              {t('review.changeSeating')}
            </button>
          </dd>
        </div>
        <div>
          <dt>{t('review.address')}</dt>
          <dd>
            {draft.address.line1}, {draft.address.city} {draft.address.zip}
            {draft.notes ? <span className="teppan-review__notes">{t('review.notes', { notes: draft.notes })}</span> : null}{' '}
            <button type="button" className="teppan-link" onClick={() => onEdit(1)}>
              {t('review.changeAddress')}
            </button>
          </dd>
        </div>
        <div>
          <dt>{t('review.contact')}</dt>
          <dd>
            {draft.customer.name}, {draft.customer.email}, {draft.customer.phone}{' '}
            <button type="button" className="teppan-link" onClick={() => onEdit(2)}>
              {t('review.changeContact')}
            </button>
          </dd>
        </div>
      </dl>
      <LineItems
        caption={t('review.quote')}
        lines={quote.lines.map((l) => ({ label: lineLabel(words, catalog, l), amount: money(l.amountCents) }))}
        total={{ label: t('review.total'), amount: money(quote.totalCents) }}
      />
      <p className="teppan-review__deposit">{t('review.hold', { minutes: catalog.booking.holdMinutes, deposit: money(quote.depositCents) })}</p>
    </div>
  );
}
