import type { Catalog, ManageView } from '../../contract';
import { formatMoney, type Locale, type TeppanError, type Translate } from '../../core';
import { Button, ErrorNotice, TextAreaField } from '../../ui';
import type { ManageMessages } from './messages/en';
import { worded } from './words';

interface CancelProps {
  view: ManageView;
  catalog: Catalog;
  t: Translate<ManageMessages>;
  locale: Locale;
  reason: string;
  onReason: (reason: string) => void;
  pending: boolean;
  error: TeppanError | null;
  onConfirm: () => void;
  onKeep: () => void;
}

/** "The last instant" of a policy window, in the business's time zone: "March 7, 2027 at 6:00 PM". */
export const deadline = (iso: string, catalog: Catalog, locale: Locale) =>
  new Date(iso).toLocaleString(locale.tag, { timeZone: catalog.timeZone, dateStyle: 'long', timeStyle: 'short' });

/** What cancelling now gives back, said before anything is sent; "Confirm cancellation" sends it, "Keep my booking" leaves it be. */
export function CancelBooking({ view, catalog, t, locale, reason, onReason, pending, error, onConfirm, onKeep }: CancelProps) {
  const b = view.booking;
  const refund = view.refundCentsIfCancelled;
  const money = (cents: number) => formatMoney(cents, b.currency, locale.tag);
  return (
    <div className="teppan-manage__step">
      <p className="teppan-manage__policy">
        <strong>{refund > 0 ? t('cancel.refund', { amount: money(refund) }) : t('cancel.noRefund', { amount: money(b.depositCents) })}</strong>{' '}
        {t('cancel.refundUntil', { deadline: deadline(view.policy.refundUntil, catalog, locale) })}
      </p>
      <TextAreaField label={t('cancel.reason')} hint={t('cancel.reasonHint')} value={reason} maxLength={500} onChange={(e) => onReason(e.target.value)} />
      {error ? <ErrorNotice error={worded(t, error, view.policy.rescheduleUntilDays)} onRetry={onConfirm} retryLabel={t('tryAgain')} /> : null}
      <div className="teppan-manage__actions">
        <Button variant="secondary" onClick={onKeep}>
          {t('cancel.keep')}
        </Button>
        <Button onClick={onConfirm} busy={pending}>
          {t('cancel.confirm')}
        </Button>
      </div>
    </div>
  );
}
