import { Button } from '../../ui';
import { bringIntoView, widgetOnPage } from '../onPage';
import type { PaymentWords } from './messages/en';

export interface NoBookingProps {
  words: PaymentWords;
  /** A page with the BookingForm: "Book a seating" opens it. */
  bookingUrl: string | undefined;
  /** A booking from an earlier visit: offered, not opened. */
  remembered: boolean;
  onResume: () => void;
}

/**
 * The payment form before it has a booking: a short prompt to make one (on the booking page, or in the page's own
 * booking form), or the booking this device remembers, offered.
 */
export function NoBooking({ words, bookingUrl, remembered, onResume }: NoBookingProps) {
  const { t } = words;
  if (remembered) {
    return (
      <div className="teppan-payment__empty">
        <p>{t('saved')}</p>
        <Button onClick={onResume}>{t('resume')}</Button>
      </div>
    );
  }
  // Only a control that leads somewhere: a page with neither gets a sentence saying what to do.
  const form = bookingUrl ? null : widgetOnPage('booking');
  return (
    <div className="teppan-payment__empty">
      <p>{t(bookingUrl || form ? 'noBooking' : 'bookFirst')}</p>
      {bookingUrl ? (
        <a className="teppan-button" href={bookingUrl}>
          {t('bookSeating')}
        </a>
      ) : form ? (
        <Button onClick={() => bringIntoView(form)}>{t('bookSeating')}</Button>
      ) : null}
    </div>
  );
}
