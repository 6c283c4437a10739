import type { Quote } from '../../contract';
import type { TeppanError } from '../../core';
import { Button } from '../../ui';
import { bringIntoView, widgetOnPage } from '../onPage';
import type { WidgetSlots } from '../slots';
import type { BookingWords } from './messages/en';

export interface NoQuoteProps {
  words: BookingWords;
  /** The calculator to show in place (a page with none of its own); without it, a prompt pointing to the page's. */
  calculator: WidgetSlots['Quote'];
  quoteUrl: string | undefined;
  /** A quote from an earlier visit, with whatever booking was made of it: offered, not opened. */
  remembered: boolean;
  onResume: () => void;
  onQuote: (quote: Quote) => void;
  onError: (error: TeppanError) => void;
}

/** The booking form before it has a quote: the calculator in place as its first step, or a short prompt pointing to the page's. */
export function NoQuote({ words, calculator: Calculator, quoteUrl, remembered, onResume, onQuote, onError }: NoQuoteProps) {
  const { t, locale } = words;
  const resume = (
    <Button variant={Calculator ? 'secondary' : 'primary'} onClick={onResume}>
      {t('resume')}
    </Button>
  );
  if (Calculator) {
    return (
      <div className="teppan-booking__start">
        {remembered ? (
          <p className="teppan-booking__resume">
            {t('saved')} {resume}
          </p>
        ) : null}
        {/* In the form's language, whatever the page or the provider says. */}
        <Calculator inline heading={t('startHeading')} locale={locale.tag} onQuote={onQuote} onError={onError} />
      </div>
    );
  }
  return (
    <div className="teppan-booking__empty">
      {remembered ? (
        <>
          <p>{t('saved')}</p>
          {resume}
        </>
      ) : (
        <>
          <p>{t('startPrompt')}</p>
          {quoteUrl ? (
            <a className="teppan-button" href={quoteUrl}>
              {t('getQuote')}
            </a>
          ) : (
            <Button
              onClick={() => {
                const calculator = widgetOnPage('quote');
                if (calculator) bringIntoView(calculator);
              }}
            >
              {t('getQuote')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
