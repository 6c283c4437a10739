import { useLayoutEffect, useRef } from 'react';
import type { Booking, Catalog } from '../../contract';
import { formatTime } from '../../core';
import { Button } from '../../ui';
import type { PaymentWords } from './messages/en';

export interface ExpiredProps {
  booking: Booking;
  catalog: Catalog;
  words: PaymentWords;
  bookingUrl: string | undefined;
  onBookAgain: (() => void) | undefined;
  /** The visitor's own action met the expiry (not a page opened on an old booking): the message takes focus. */
  focus: boolean;
}

/** The hold ended before the deposit was paid: nothing was charged; book the same details again. */
export function Expired({ booking, catalog, words, bookingUrl, onBookAgain, focus }: ExpiredProps) {
  const { t } = words;
  const message = useRef<HTMLParagraphElement>(null);
  // The form the visitor was in is gone: focus goes to what replaced it, not to the page's top.
  useLayoutEffect(() => {
    if (focus) message.current?.focus();
  }, [focus]);
  const at = formatTime(booking.holdExpiresAt, catalog.timeZone, words.locale.tag);
  const again = bookingUrl ? new URL(bookingUrl, window.location.href) : undefined;
  again?.searchParams.set('quote', booking.quoteId);
  return (
    <div className="teppan-payment__expired">
      <p role="alert" ref={message} tabIndex={-1}>
        {t('expired', { time: at })}
      </p>
      {onBookAgain ? (
        <Button onClick={onBookAgain}>{t('bookAgain')}</Button>
      ) : again ? (
        <a className="teppan-button" href={again.href} part="button button-primary">
          {t('bookAgain')}
        </a>
      ) : null}
    </div>
  );
}
